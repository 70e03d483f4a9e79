/* libc-wrap.h - what the runtime's wrappers of C library functions share
   (libc-string.c, libc-stdio.c, libc-format.c).

   Instrumented code calls BPFINST_LIBC_WRAPPER (NAME) instead of NAME
   (bpfinst-libc.h lists the functions): the wrapper does NAME's work with
   the C library and moves the tags of the bytes it copies, gives the
   bytes it produces the tags of what they came from, and returns its
   result's tag through the tag slots, as an instrumented function would.
   A wrapper is an ordinary function for the slots: its function id is
   that of its name (bpfinst_function_id), which instrumented callers
   compare with.

   Until a byte of memory can have a tag (the dense store made no chunk
   and the native half has no store of its own) and while the caller
   passes no tagged argument, a wrapper only calls the C library (and
   clears the return slot's owner, so that the caller cannot take an
   earlier call's tag).

   Internal to the runtime; glibc only.  */

#ifndef BPFINST_LIBC_WRAP_H
#define BPFINST_LIBC_WRAP_H

#include <stdint.h>
#include <stdio.h>

#include "bpfinst-abi.h"
#include "bpfinst-libc.h"
#include "memtags.h"

/* The wrappers, numbered.  */
enum libc_fn
{
#define X(name, sig) LIBC_##name,
  BPFINST_LIBC_FUNCTIONS (X)
#undef X
  LIBC_COUNT
};

#define WRAP(name) BPFINST_LIBC_WRAPPER (name)

/* The function id of wrapper FN (libc-wrap.c).  */
uint64_t libc_id (enum libc_fn fn) __attribute__ ((visibility ("hidden")));

/* One call of a wrapper: which one, and its arguments' tags.  */
struct libc_call
{
  enum libc_fn fn;
  uint64_t arg[BPFINST_SLOT_NARGS];
};

/* Start call C of wrapper FN: take the argument tags the caller left for
   it.  Returns whether tags matter to the call: when not, the wrapper
   only calls the C library (C's argument tags are all 0, and the return
   slot is already cleared).  */
static inline int
libc_begin (struct libc_call *c, enum libc_fn fn)
{
  uint64_t id = libc_id (fn);
  int tagged = BPFINST_TAG_SLOTS[BPFINST_SLOT_ARG_CALLEE] == id;
  c->fn = fn;
  for (int i = 0; i < BPFINST_SLOT_NARGS; i++)
    c->arg[i] = tagged ? BPFINST_TAG_SLOTS[BPFINST_SLOT_ARG0 + i] : 0;
  if (tagged)
    BPFINST_TAG_SLOTS[BPFINST_SLOT_ARG_CALLEE] = 0;
  if (tagged || memtags_active ())
    return 1;
  BPFINST_TAG_SLOTS[BPFINST_SLOT_RET_FROM] = 0;
  return 0;
}

/* End call C, whose result has tag TAG.  */
static inline void
libc_end (const struct libc_call *c, uint64_t tag)
{
  BPFINST_TAG_SLOTS[BPFINST_SLOT_RET_TAG] = tag;
  BPFINST_TAG_SLOTS[BPFINST_SLOT_RET_FROM] = libc_id (c->fn);
}

/* The tag of argument I (from 0) of call C: 0 past the slots.  */
static inline uint64_t
libc_arg (const struct libc_call *c, unsigned i)
{
  return i < BPFINST_SLOT_NARGS ? c->arg[i] : 0;
}

/* glibc's stream flags (libio.h, part of its ABI since libc 6.0) that
   <stdio.h> no longer shows.  */
#define LIBC_IO_UNBUFFERED 0x0002
#define LIBC_IO_LINE_BUF 0x0200
#define LIBC_IO_CURRENTLY_PUTTING 0x0800

/* libc-string.c: the tags of the N bytes at P, one each, into OUT; and
   back, the N bytes at P getting the tags at TAGS.  */
void libc_tags_save (const void *p, size_t n, uint64_t *out)
  __attribute__ ((visibility ("hidden")));
void libc_tags_restore (const void *p, size_t n, const uint64_t *tags)
  __attribute__ ((visibility ("hidden")));

/* libc-string.c: realloc (P, N) that moves the tags of the block's bytes
   with them.  */
void *libc_tagged_realloc (void *p, size_t n)
  __attribute__ ((visibility ("hidden")));

/* libc-stdio.c, for the formatting functions: write the N bytes at P,
   with their tags, to stream F (locked by the caller).  Returns the
   number of bytes written.  */
size_t libc_tagged_write (FILE *f, const char *p, size_t n)
  __attribute__ ((visibility ("hidden")));

/* libc-stdio.c, for the scanf family: read from stream F (locked by the
   caller).  Before a conversion: libc_scan_mark notes where the stream's
   read area is; WHOLE says to keep the tags of the rest of it (when the
   conversion may read past its end).  After it: libc_scan_tags gives the
   tags of the N bytes the conversion consumed, into TAGS (N of them),
   from the read area noted, or from the one that replaced it.  */
struct libc_scan_mark
{
  const char *ptr, *end;	/* the read area before the conversion */
  uint64_t *rest;		/* the tags of [PTR, END), when kept */
};
void libc_scan_mark (FILE *f, struct libc_scan_mark *m, int whole)
  __attribute__ ((visibility ("hidden")));
void libc_scan_tags (FILE *f, struct libc_scan_mark *m, size_t n,
		     uint64_t *tags)
  __attribute__ ((visibility ("hidden")));

#endif /* BPFINST_LIBC_WRAP_H */
