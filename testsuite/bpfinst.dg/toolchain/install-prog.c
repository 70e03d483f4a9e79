/* Built by install.exp with the installed engine and the count
   instrumenter: the addition in add runs the hook once.  */
extern unsigned long long test_count (unsigned long long code);

__attribute__ ((noipa)) int
add (int a, int b)
{
  return a + b;
}

int
main (void)
{
  unsigned long long before = test_count (1);
  if (add (2, 3) != 5)
    return 1;
  return test_count (1) - before == 1 ? 0 : 2;
}
