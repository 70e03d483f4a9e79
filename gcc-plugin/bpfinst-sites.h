/* bpfinst-sites.h - the table of instrumented sites: where each
   pseudo_pc () value the plugin hands to an instrumenter comes from.

   The plugin (sites.cc, C++) writes the table; bpfinst-cov (tools/, C)
   reads it.  Both include this file, so the format is defined here once.
   It needs no other header.

   Section: BPFINST_SITES_SECTION, with no flags (SHT_PROGBITS, not
   SHF_ALLOC): the linker concatenates the sections of its inputs into
   one section of the executable or shared object, which is never
   loaded into memory.  `strip' removes it, like the debugging
   information.

   The section holds one unit per translation unit, each starting at a
   multiple of 8 bytes from the section's start (the bytes between units
   are zero).  Every field is little-endian, whatever the target, and
   each record starts at a multiple of its size's alignment:

   unit header (BPFINST_SITES_HEADER_SIZE bytes)
     0   8  magic, BPFINST_SITES_MAGIC (no terminating NUL)
     8   2  version, BPFINST_SITES_VERSION; another version is another
            format
    10   2  size of this header
    12   2  size of a function record
    14   2  size of a site record
    16   4  size of the unit (header, records, string table, padding)
    20   4  number of function records
    24   4  number of site records
    28   4  size of the string table
    32   4  the main source file as the compiler was given it (string)
    36   4  the compiler's working directory (string): relative file
            names are relative to it; empty when no name is relative
    40   8  zero

   function records, then site records, then the string table: NUL
   terminated strings, referred to by their offset in the table
   (offset 0 is the empty string); then zeros up to a multiple of 8.
   A reader skips the fields past the sizes it knows, so later versions
   of the same format number may append fields.

   function record (BPFINST_SITES_FUNCTION_SIZE bytes)
     0   4  assembler name (string)
     4   4  the name as GCC's diagnostics spell it (string; C++: with
            its scope and signature)
     8   4  the file it is defined in (string)
    12   4  the line of its definition
    16   4  its column
    20   4  zero

   site record (BPFINST_SITES_SITE_SIZE bytes): one per pseudo_pc ()
   value, in the order the plugin instrumented them
     0   8  pseudo_pc ()
     8   4  the hook (string: "inst_br", ...)
    12   4  the function, an index into this unit's function records
    16   4  the operation's file (string; empty when GCC has no location)
    20   4  its line (0: unknown)
    24   2  its column (0: unknown)
    26   2  kind, enum bpfinst_site_kind
    28   4  the operation's number among the function's operations:
            the sites of one operation (a condition's cmp and br, a
            switch's comparisons and edges, the steps of an address)
            share it  */

#ifndef BPFINST_SITES_H
#define BPFINST_SITES_H

#define BPFINST_SITES_SECTION ".bpfinst.sites"
#define BPFINST_SITES_MAGIC "BPFISITE"
#define BPFINST_SITES_MAGIC_SIZE 8
#define BPFINST_SITES_VERSION 1
#define BPFINST_SITES_ALIGN 8

#define BPFINST_SITES_HEADER_SIZE 48
#define BPFINST_SITES_FUNCTION_SIZE 24
#define BPFINST_SITES_SITE_SIZE 32

/* What a site's pseudo_pc () stands for.  inst_br's cond is 0 or 1, so
   a branch site names two edges, and an edge out of a switch one.  */
enum bpfinst_site_kind
{
  /* An operation (arithmetic, a comparison, a conversion, a load or
     a store, a computed goto, a step of an address): its hook runs
     before it.  */
  BPFINST_SITE_OPERATION = 0,
  /* A conditional branch (inst_br): its hook sees cond 1 when the
     branch is taken, 0 when it is not.  */
  BPFINST_SITE_BRANCH = 1,
  /* An edge out of a switch (inst_br) to its default: cond 0.  */
  BPFINST_SITE_SWITCH_DEFAULT = 2,
  /* An edge out of a switch to a case label: cond 1.  */
  BPFINST_SITE_SWITCH_CASE = 3
};

#endif /* BPFINST_SITES_H */
