/* Compiled (not linked) by ccache.exp.  */
int
add (int a, int b)
{
  return a + b;
}
