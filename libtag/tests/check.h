/* check.h - the CHECK macro of libtag's unit tests: it counts each check
   in CHECKS and each failure in FAILURES, and prints the place and the
   message of the first CHECK_PRINT_LIMIT failures (a file may define it
   before including this header; 20 by default).  */

#ifndef LIBTAG_TESTS_CHECK_H
#define LIBTAG_TESTS_CHECK_H

#include <stdio.h>

#ifndef CHECK_PRINT_LIMIT
#define CHECK_PRINT_LIMIT 20
#endif

static int failures;
static unsigned long checks;

#define CHECK(cond, ...)						\
  do									\
    {									\
      checks++;								\
      if (!(cond))							\
	{								\
	  if (failures++ < CHECK_PRINT_LIMIT)				\
	    {								\
	      fprintf (stderr, "%s:%d: ", __FILE__, __LINE__);		\
	      fprintf (stderr, __VA_ARGS__);				\
	      fputc ('\n', stderr);					\
	    }								\
	}								\
    }									\
  while (0)

#endif /* LIBTAG_TESTS_CHECK_H */
