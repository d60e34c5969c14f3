/* EVG_API marks the functions and data the evgraph library exports. The
 * shared library is built with hidden visibility, so only what carries
 * EVG_API is part of its ABI. Users of the static library on Windows define
 * EVG_STATIC; elsewhere nothing needs defining. */
#ifndef EVGRAPH_EXPORT_H
#define EVGRAPH_EXPORT_H

#if defined(_WIN32) || defined(__CYGWIN__)
#  if defined(EVG_STATIC)
#    define EVG_API
#  elif defined(EVG_BUILDING_LIBRARY)
#    define EVG_API __declspec(dllexport)
#  else
#    define EVG_API __declspec(dllimport)
#  endif
#elif defined(__GNUC__) && __GNUC__ >= 4
#  define EVG_API __attribute__((visibility("default")))
#else
#  define EVG_API
#endif

#endif
