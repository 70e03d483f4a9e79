/* A second translation unit for the src: patterns of select.exp.  */

__attribute__ ((noipa)) int
other_fn (int a)
{
  return a + 7;
}
