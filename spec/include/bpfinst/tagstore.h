/* bpfinst/tagstore.h - ready-made tag storage for native halves (GCCInst's
   runtime, libtag; not part of the engine-neutral contract).

   Tags through memory are the instrumenter's business: its inst_load and
   inst_store decide where the tags of stored bytes live.  The runtime
   archive linked into every instrumented program provides two stores an
   instrumenter may use from its native half (or, for the dense store,
   inline from its BPF half with the dense_tag_get/dense_tag_set helpers of
   bpfinst/bpf.h).  Both keep one 64-bit tag per byte of the address space;
   tag 0 means "no tag" and is what every byte starts with.  Both are
   thread-safe: any thread may call any function at any time.

   Dense store: a two-level table, two loads per lookup.  Tags take 8
   bytes per program byte, but only for the pages of tags actually written:
   a 4 KiB page of tags covers 512 consecutive program bytes.  Suits taint
   tracking of whole buffers.

   Sparse store: a hash table, memory in proportion to the number of bytes
   whose tag is not 0 (21 to 43 bytes each).  Suits a few scattered tagged
   bytes.  Slower per access (a lock and a hash probe).

   The two stores are independent: a tag set in one is not seen by the
   other.  Both cover 48-bit addresses: the tag of an address with any of
   bits 48..63 set is always 0, and setting it does nothing.

   Ranges: the *_set_range functions set LEN bytes from ADDR to one tag,
   the *_get_range functions return the bitwise OR of the tags of LEN
   bytes from ADDR (0 when LEN is 0).  A range that would run past the end
   of the address space stops there.

   Dense store layout (fixed: the plugin emits inline lookups that depend
   on it, so it is part of the engine extension):

     __bpfinst_dense_dir[(addr >> 28) & 0xfffff]
         NULL, or the chunk covering the 2^28 bytes of ADDR's region:
     chunk[addr & 0x0fffffff]
         the tag of the byte at ADDR.

   The directory has 2^20 entries and so covers 48-bit addresses.  A
   chunk is 2^31 bytes of anonymous, zero-filled memory mapped with
   MAP_NORESERVE on the first non-zero tag set in its region; only the
   pages actually written cost memory.  A directory entry, once
   set, never changes.  Chunks are created with a compare-and-swap on the
   directory entry, so concurrent first writes into one region agree on one
   chunk.  Tag reads and writes are plain aligned 64-bit accesses.

   Inline code reads the entry, and on NULL (or an address of 2^48 or more)
   yields 0 for a read and calls bpfinst_dense_slow_set for a write.  */

#ifndef BPFINST_TAGSTORE_H
#define BPFINST_TAGSTORE_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Address bits that index a chunk, and bits that index the directory
   (the plugin's inline lookups take them from here too).  */
#define BPFINST_DENSE_CHUNK_BITS 28
#define BPFINST_DENSE_DIR_BITS 20

/* The directory of the dense store (see above).  */
extern uint64_t *__bpfinst_dense_dir[1 << BPFINST_DENSE_DIR_BITS];

/* The tag of the byte at ADDR.  */
uint64_t bpfinst_dense_get (uint64_t addr);

/* Set the tag of the byte at ADDR to TAG.  */
void bpfinst_dense_set (uint64_t addr, uint64_t tag);

/* Set the tags of the LEN bytes from ADDR to TAG.  Setting tag 0 over
   whole pages of a chunk gives those pages back to the system.  */
void bpfinst_dense_set_range (uint64_t addr, uint64_t len, uint64_t tag);

/* The OR of the tags of the LEN bytes from ADDR.  */
uint64_t bpfinst_dense_get_range (uint64_t addr, uint64_t len);

/* Copy the tags of the LEN bytes from SRC to the LEN bytes from DST, as
   memmove copies bytes (the ranges may overlap).  SRC 0 stands for bytes
   of no known origin: the tags of DST's bytes become 0.  Instrumented code
   calls it for block copies (see bpfinst(7)).  */
void bpfinst_dense_copy (uint64_t dst, uint64_t src, uint64_t len);

/* bpfinst_dense_set (ADDR, TAG), returning 0: the path inline code takes
   when ADDR's chunk does not exist yet.  */
uint64_t bpfinst_dense_slow_set (uint64_t addr, uint64_t tag);

/* Sparse store: same meanings.  Setting tag 0 removes the byte's entry.  */
uint64_t bpfinst_sparse_get (uint64_t addr);
void bpfinst_sparse_set (uint64_t addr, uint64_t tag);
void bpfinst_sparse_set_range (uint64_t addr, uint64_t len, uint64_t tag);
uint64_t bpfinst_sparse_get_range (uint64_t addr, uint64_t len);

/* The number of bytes the sparse store holds a tag for.  */
uint64_t bpfinst_sparse_count (void);

/* Memory tags in a store of the native half's own.

   libtag's wrappers of C library functions (see bpfinst(7)) move the tags
   of the bytes they copy, and derive tags from the bytes they read.  By
   default they use the dense store.  A native half that keeps the tags of
   memory elsewhere defines these three functions, and the wrappers call
   them instead (the runtime refers to them weakly; in a native half given
   as an archive, define them in the object file that defines
   event_dispatch_slow_call or event_before_syscall, so that the link
   takes them).  They run on the thread of the wrapper, possibly on
   several threads at once, and must not call the wrapped functions of
   instrumented code (they are not instrumented themselves).

   bpfinst_tags_copy: the LEN bytes from DST now hold copies of the LEN
   bytes from SRC, which may overlap (memmove); SRC 0 stands for bytes of
   no known origin, whose tags are 0.
   bpfinst_tags_set: the LEN bytes from DST all get tag TAG.
   bpfinst_tags_get_union: the tag of a value computed from the LEN bytes
   from SRC (the dense store answers with the bitwise OR of their tags; 0
   when LEN is 0).  */
void bpfinst_tags_copy (uint64_t dst, uint64_t src, uint64_t len);
void bpfinst_tags_set (uint64_t dst, uint64_t len, uint64_t tag);
uint64_t bpfinst_tags_get_union (uint64_t src, uint64_t len);

#ifdef __cplusplus
}
#endif

#endif /* BPFINST_TAGSTORE_H */
