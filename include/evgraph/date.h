/* Calendar dates as the events document writes them, "YYYY-MM-DD";
 * implemented in core/, below every module. */
#ifndef EVGRAPH_DATE_H
#define EVGRAPH_DATE_H

#include "evgraph/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Returns 1 if `s` is a real calendar date written "YYYY-MM-DD". */
EVG_API int evg_date_valid(const char *s);

#ifdef __cplusplus
}
#endif
#endif
