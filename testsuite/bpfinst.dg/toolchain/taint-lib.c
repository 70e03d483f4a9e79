/* An instrumented shared library: the tag of X arrives here, and the
   result's tag goes back to the caller.  */
__attribute__ ((noinline)) int
lib_mark (int x)
{
  return x + 77777;
}

/* The same through a callback into the program.  */
int
lib_call (int (*f) (int), int x)
{
  return f (x) + 1;
}
