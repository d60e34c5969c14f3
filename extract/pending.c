/* TEMPORARY: placeholders for stages under construction, so the skeleton
 * links. Each stage's owner deletes its part of this file when the real
 * stage lands; the file goes away once empty. */
#include <stdlib.h>

#include "internal.h"

