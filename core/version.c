/* The library's version at run time (evgraph/version.h is generated from
 * project(VERSION) in CMakeLists.txt). */
#include "evgraph/evgraph.h"

const char *evg_version(void)
{
    return EVG_VERSION;
}

int evg_version_number(void)
{
    return EVG_VERSION_NUMBER;
}
