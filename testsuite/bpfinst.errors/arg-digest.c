/* digest takes 32 hexadecimal digits.  */
/* { dg-do compile } */
/* { dg-bpfinst-inst "victim.bpf.c" } */
/* { dg-options "-O2 -fplugin-arg-bpfinst-digest=12ab" } */
/* { dg-error "bpfinst: argument .digest. takes the MD5 digest of the instrumenter, 32 hexadecimal digits, not .12ab." "digest=12ab" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
