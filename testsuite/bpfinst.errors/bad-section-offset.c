/* The code section's sh_offset points past the end of the file.  */
/* { dg-do compile } */
/* { dg-bpfinst-inst "victim.bpf.c" } */
/* { dg-bpfinst-corrupt secoff .text } */
/* { dg-error "bpfinst: \[^\n\]*: truncated or corrupt ELF" "bad section offset" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
