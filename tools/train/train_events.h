/* `evgraph-train events`: the event-mention trainer (train_events.c). */
#ifndef EVG_TRAIN_EVENTS_H
#define EVG_TRAIN_EVENTS_H

/* argv[0] is "events"; returns the exit status. */
int evg_train_events_main(int argc, char **argv);
/* Reads option `opt`'s value `s` as a number into *out; -1 (and a line
 * on stderr) when it is not one. */
int evg_train_number(const char *opt, const char *s, unsigned long long *out);

#endif
