/* Loads from a global array at a tagged index (array indexing and pointer
   addition) and at an untagged one.  */
#include <stdint.h>
#include <stdio.h>

extern uint64_t watch;
int arr[16] = { 0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 130,
		140, 150 };

int
main (void)
{
  long a, j;

  watch = (uintptr_t) arr;
  while (scanf ("%ld %ld", &a, &j) == 2)
    {
      long t = a + 1000003;
      long idx = t - 1000003;
      int v1 = arr[idx];
      int *p = arr + idx;
      int v2 = *p;
      int v3 = arr[j];
      fprintf (stderr, "%d %d %d\n", v1, v2, v3);
    }
  return 0;
}
