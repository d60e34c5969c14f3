/* evgraph: English news articles -> event timeline and relationship graph.
 * The umbrella header of the public API. */
#ifndef EVGRAPH_H
#define EVGRAPH_H

#include "evgraph/version.h"
#include "evgraph/export.h"
#include "evgraph/date.h"
#include "evgraph/document.h"
#include "evgraph/error.h"
#include "evgraph/extract.h"
#include "evgraph/graph.h"
#include "evgraph/input.h"
#include "evgraph/io.h"
#include "evgraph/render.h"
#include "evgraph/store.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The version of the library actually loaded ("0.1.0"), which may differ
 * from the EVG_VERSION a program was compiled against; and the same as
 * EVG_VERSION_NUMBER. */
EVG_API const char *evg_version(void);
EVG_API int evg_version_number(void);

#ifdef __cplusplus
}
#endif

#endif
