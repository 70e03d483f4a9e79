/* Calls the library: each of its additions runs the count hook once,
   whether this program is instrumented or not.  */
extern unsigned long long test_count (unsigned long long code);
int lib_add (int, int);
int lib_apply (int (*) (int, int), int, int);
static int sub (int a, int b) { return a - b; }
int main (void) {
  unsigned long long before = test_count (1);
  if (lib_add (40, 2) != 42) return 1;
  if (test_count (1) - before != 1) return 2;
  if (lib_apply (sub, 10, 3) != 8) return 3;
  if (test_count (1) - before != 2) return 4;
  return 0;
}
