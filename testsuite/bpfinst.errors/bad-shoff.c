/* The section table offset (e_shoff) points past the end of the file.  */
/* { dg-do compile } */
/* { dg-bpfinst-inst "victim.bpf.c" } */
/* { dg-bpfinst-corrupt shoff } */
/* { dg-error "bpfinst: \[^\n\]*: truncated or corrupt ELF: the section header table \\(\[0-9\]+ bytes at offset \[0-9\]+\\) lies past the end of the file \\(\[0-9\]+ bytes\\)" "bad shoff" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
