/* A function defined in a header: its DECL_SOURCE_FILE is this file.  */

__attribute__ ((noipa)) static int
in_header (int a)
{
  return a + 7;
}
