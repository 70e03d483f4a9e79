/* A native half named by a relative path.  */
/* { dg-do compile } */
/* { dg-bpfinst-inst "victim.bpf.c" } */
/* { dg-options "-O2 -fplugin-arg-bpfinst-native=libnative.so" } */
/* { dg-error "bpfinst: native half .libnative.so. is a relative path: the specs file links it as written, and the program would look for it relative to the folder it runs in; give its absolute path, ./\[^\n\]*/libnative.so." "relative native" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
