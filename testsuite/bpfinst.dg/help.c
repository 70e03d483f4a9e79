/* -fplugin-arg-bpfinst-help describes the plugin's arguments, and the
   compilation still succeeds.  */
/* { dg-do compile } */
/* { dg-options "-O2 -fplugin-arg-bpfinst-help" } */
/* { dg-bpfinst-inst "count.bpf.c" } */
/* { dg-message "plugin-arg-bpfinst-inst=" "help names the inst argument" { target *-*-* } 0 } */
/* { dg-prune-output "(^|\n)(?!\[^\n\]*error)\[^\n\]*" } */

int
add (int a, int b)
{
  return a + b;
}
