/* evgraph: English news articles -> event timeline and relationship graph.
 * The umbrella header of the public API. */
#ifndef EVGRAPH_H
#define EVGRAPH_H

#include "evgraph/date.h"
#include "evgraph/document.h"
#include "evgraph/error.h"
#include "evgraph/extract.h"
#include "evgraph/graph.h"
#include "evgraph/input.h"
#include "evgraph/io.h"
#include "evgraph/render.h"

#define EVG_VERSION "0.1.0"

#endif
