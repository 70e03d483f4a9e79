/* tagstore.c - tag storage for native halves: a dense store (a two-level
   table of one 64-bit tag per byte) and a sparse store (a hash table).
   The API and the dense store's layout are described in
   bpfinst/tagstore.h, the costs in TAGSTORE.md.  */

#define _GNU_SOURCE 1

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "bpfinst/tagstore.h"
#include "bpfinst-abi.h"
#include "memtags.h"

/* The addresses both stores cover, those the dense store's directory and
   chunks span: 48 bits, the figure bpfinst/tagstore.h and TAGSTORE.md
   give.  */
#define ADDR_BITS (BPFINST_DENSE_CHUNK_BITS + BPFINST_DENSE_DIR_BITS)
#define ADDR_LIMIT ((uint64_t) 1 << ADDR_BITS)
_Static_assert (ADDR_BITS == 48, "the stores cover 48-bit addresses");

/* Say once per process that tags were asked for beyond the covered
   addresses (for instance on riscv64 with Sv57 and Linux before 6.6, where
   the stack lies above 2^48): they are not kept.  */
static void
beyond_limit (uint64_t addr)
{
  static int said;
  if (__atomic_exchange_n (&said, 1, __ATOMIC_RELAXED))
    return;
  char msg[160] = "bpfinst: tag store: address 0x";
  size_t n = strlen (msg);
  int started = 0;
  for (int shift = 60; shift >= 0; shift -= 4)
    {
      unsigned d = (unsigned) (addr >> shift) & 15;
      if (d || started || shift == 0)
	{
	  msg[n++] = "0123456789abcdef"[d];
	  started = 1;
	}
    }
  static const char rest[] =
    " is beyond the 48 bits of address the tag stores cover: tags there "
    "are not kept\n";
  memcpy (msg + n, rest, sizeof rest - 1);
  n += sizeof rest - 1;
  ssize_t r = write (2, msg, n);
  (void) r;
}

/* Clip the range [ADDR, ADDR + *LEN) to the covered addresses; false when
   nothing of it is left.  */
static int
clip_range (uint64_t addr, uint64_t *len)
{
  if (*len == 0)
    return 0;
  if (addr >= ADDR_LIMIT)
    {
      beyond_limit (addr);
      return 0;
    }
  if (*len > ADDR_LIMIT - addr)
    *len = ADDR_LIMIT - addr;
  return 1;
}

static void
fatal (const char *what)
{
  static const char prefix[] = "bpfinst: tag store: ";
  ssize_t r = write (2, prefix, sizeof prefix - 1);
  r = write (2, what, strlen (what));
  r = write (2, "\n", 1);
  (void) r;
  abort ();
}

/* ---------------------------------------------------------------------- */
/* Dense store.  */

#define CHUNK_TAGS ((uint64_t) 1 << BPFINST_DENSE_CHUNK_BITS)
#define CHUNK_MASK (CHUNK_TAGS - 1)
#define CHUNK_BYTES (CHUNK_TAGS * sizeof (uint64_t))
#define DIR_MASK (((uint64_t) 1 << BPFINST_DENSE_DIR_BITS) - 1)

/* Below this many tags, clearing a range just stores zeros; above it,
   whole pages of tags are given back to the system instead.  */
#define DISCARD_MIN_TAGS 4096

uint64_t *BPFINST_DENSE_DIR[1 << BPFINST_DENSE_DIR_BITS];

/* Set once the first chunk exists: until then every tag is 0.  */
int MEMTAGS_DENSE_USED;

/* The inline code's call on a miss (bpf-emit.cc) has this type.  */
/* The inline code's call on a miss (emit-tagstore.cc) has this type.  */
_Static_assert (__builtin_types_compatible_p
		(__typeof__ (BPFINST_DENSE_SLOW_SET),
		 uint64_t (uint64_t, uint64_t)),
		"the slow path is uint64_t (uint64_t addr, uint64_t tag)");

static inline uint64_t **
dense_slot (uint64_t addr)
{
  return &BPFINST_DENSE_DIR[(addr >> BPFINST_DENSE_CHUNK_BITS) & DIR_MASK];
}

static inline uint64_t *
dense_chunk (uint64_t addr)
{
  return __atomic_load_n (dense_slot (addr), __ATOMIC_ACQUIRE);
}

/* How many of the LEN tags from ADDR on are in ADDR's chunk; ADDR's
   place in its chunk into *OFF.  */
static inline uint64_t
chunk_part (uint64_t addr, uint64_t len, uint64_t *off)
{
  *off = addr & CHUNK_MASK;
  uint64_t n = CHUNK_TAGS - *off;
  return n < len ? n : len;
}

/* The chunk of ADDR (below ADDR_LIMIT), created if need be.  */
static uint64_t *
dense_chunk_create (uint64_t addr)
{
  uint64_t **slot = dense_slot (addr);
  uint64_t *c = __atomic_load_n (slot, __ATOMIC_ACQUIRE);
  if (c)
    return c;
  void *m = mmap (NULL, CHUNK_BYTES, PROT_READ | PROT_WRITE,
		  MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (m == MAP_FAILED)
    fatal ("cannot map a chunk of the dense store");
  uint64_t *expected = NULL;
  if (__atomic_compare_exchange_n (slot, &expected, (uint64_t *) m, 0,
				   __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
    {
      __atomic_store_n (&MEMTAGS_DENSE_USED, 1, __ATOMIC_RELEASE);
      return (uint64_t *) m;
    }
  /* Another thread made the chunk first: use it.  */
  munmap (m, CHUNK_BYTES);
  return expected;
}

uint64_t
bpfinst_dense_get (uint64_t addr)
{
  if (addr >= ADDR_LIMIT)
    return 0;
  uint64_t *c = dense_chunk (addr);
  if (!c)
    return 0;
  return __atomic_load_n (&c[addr & CHUNK_MASK], __ATOMIC_RELAXED);
}

void
bpfinst_dense_set (uint64_t addr, uint64_t tag)
{
  if (addr >= ADDR_LIMIT)
    return;
  uint64_t *c = dense_chunk (addr);
  if (!c)
    {
      if (tag == 0)
	return;
      c = dense_chunk_create (addr);
    }
  __atomic_store_n (&c[addr & CHUNK_MASK], tag, __ATOMIC_RELAXED);
}

uint64_t
bpfinst_dense_slow_set (uint64_t addr, uint64_t tag)
{
  bpfinst_dense_set (addr, tag);
  return 0;
}

/* Clear the N tags from P: store zeros at the ends, give the whole pages
   between them back to the system (they read as zeros afterwards).  */
static void
dense_clear (uint64_t *p, uint64_t n)
{
  uint64_t i = 0;
  if (n >= DISCARD_MIN_TAGS)
    {
      uintptr_t page = (uintptr_t) sysconf (_SC_PAGESIZE);
      uintptr_t lo = ((uintptr_t) p + page - 1) & ~(page - 1);
      uintptr_t hi = ((uintptr_t) (p + n)) & ~(page - 1);
      if (hi > lo && madvise ((void *) lo, hi - lo, MADV_DONTNEED) == 0)
	{
	  uint64_t *plo = (uint64_t *) lo, *phi = (uint64_t *) hi;
	  for (uint64_t *q = p; q < plo; q++)
	    __atomic_store_n (q, 0, __ATOMIC_RELAXED);
	  for (uint64_t *q = phi; q < p + n; q++)
	    __atomic_store_n (q, 0, __ATOMIC_RELAXED);
	  return;
	}
    }
  for (; i < n; i++)
    __atomic_store_n (&p[i], 0, __ATOMIC_RELAXED);
}

void
bpfinst_dense_set_range (uint64_t addr, uint64_t len, uint64_t tag)
{
  if (!clip_range (addr, &len))
    return;
  while (len)
    {
      uint64_t off, n = chunk_part (addr, len, &off);
      uint64_t *c = dense_chunk (addr);
      if (tag == 0)
	{
	  if (c)
	    dense_clear (c + off, n);
	}
      else
	{
	  if (!c)
	    c = dense_chunk_create (addr);
	  for (uint64_t i = 0; i < n; i++)
	    __atomic_store_n (&c[off + i], tag, __ATOMIC_RELAXED);
	}
      addr += n;
      len -= n;
    }
}

uint64_t
bpfinst_dense_get_range (uint64_t addr, uint64_t len)
{
  uint64_t r = 0;
  if (!clip_range (addr, &len))
    return 0;
  while (len)
    {
      uint64_t off, n = chunk_part (addr, len, &off);
      uint64_t *c = dense_chunk (addr);
      if (c)
	for (uint64_t i = 0; i < n; i++)
	  r |= __atomic_load_n (&c[off + i], __ATOMIC_RELAXED);
      addr += n;
      len -= n;
    }
  return r;
}

/* Copy the tags of N bytes from SRC to DST, both within one chunk each,
   from the last byte down when BACKWARD.  */
static void
dense_copy_within (uint64_t dst, uint64_t src, uint64_t n, int backward)
{
  uint64_t *sc = dense_chunk (src), *dc = dense_chunk (dst);
  uint64_t *s, *d;
  if (!sc)
    {
      if (dc && n < DISCARD_MIN_TAGS)
	for (uint64_t i = 0; i < n; i++)
	  __atomic_store_n (&dc[(dst & CHUNK_MASK) + i], 0, __ATOMIC_RELAXED);
      else if (dc)
	dense_clear (dc + (dst & CHUNK_MASK), n);
      return;
    }
  s = sc + (src & CHUNK_MASK);
  if (!dc)
    {
      /* Make the chunk only for tags other than 0.  */
      uint64_t any = 0;
      for (uint64_t i = 0; i < n && !any; i++)
	any = __atomic_load_n (&s[i], __ATOMIC_RELAXED);
      if (!any)
	return;
      dc = dense_chunk_create (dst);
    }
  d = dc + (dst & CHUNK_MASK);
  if (backward)
    for (uint64_t i = n; i-- > 0;)
      __atomic_store_n (&d[i], __atomic_load_n (&s[i], __ATOMIC_RELAXED),
			__ATOMIC_RELAXED);
  else
    for (uint64_t i = 0; i < n; i++)
      __atomic_store_n (&d[i], __atomic_load_n (&s[i], __ATOMIC_RELAXED),
			__ATOMIC_RELAXED);
}

static inline uint64_t
min3 (uint64_t a, uint64_t b, uint64_t c)
{
  uint64_t m = a < b ? a : b;
  return m < c ? m : c;
}

void
bpfinst_dense_copy (uint64_t dst, uint64_t src, uint64_t len)
{
  /* Small copies (struct assignments) within one chunk each.  */
  if (len <= 64 && src != 0 && ((dst | src) >> ADDR_BITS) == 0
      && (dst & CHUNK_MASK) <= CHUNK_TAGS - len
      && (src & CHUNK_MASK) <= CHUNK_TAGS - len)
    {
      dense_copy_within (dst, src, len, dst > src);
      return;
    }
  if (len == 0 || dst == src || !clip_range (dst, &len))
    return;
  /* Bytes of no known origin, or beyond the covered addresses: tag 0.  */
  if (src == 0 || src >= ADDR_LIMIT)
    {
      bpfinst_dense_set_range (dst, len, 0);
      return;
    }
  if (len > ADDR_LIMIT - src)
    {
      uint64_t in = ADDR_LIMIT - src;
      bpfinst_dense_set_range (dst + in, len - in, 0);
      len = in;
    }
  if (dst < src || dst >= src + len)
    while (len)
      {
	uint64_t n = min3 (len, CHUNK_TAGS - (src & CHUNK_MASK),
			   CHUNK_TAGS - (dst & CHUNK_MASK));
	dense_copy_within (dst, src, n, 0);
	dst += n;
	src += n;
	len -= n;
      }
  else
    {
      /* DST overlaps the end of SRC: from the last byte down.  */
      uint64_t dend = dst + len, send = src + len;
      while (len)
	{
	  uint64_t n = min3 (len, ((send - 1) & CHUNK_MASK) + 1,
			     ((dend - 1) & CHUNK_MASK) + 1);
	  dend -= n;
	  send -= n;
	  dense_copy_within (dend, send, n, 1);
	  len -= n;
	}
    }
}

/* ---------------------------------------------------------------------- */
/* Sparse store.

   STRIPES independent hash tables, each with its own mutex; an address's
   hash picks the table.  A table is open addressing with linear probing;
   a slot is empty when its tag is 0 (a tag of 0 is never stored), and a
   removal shifts the rest of its cluster back, so there are no
   tombstones.  A table grows at 3/4 full and shrinks below 1/8 full.
   Before a fork every table is locked, and unlocked after it in both
   processes, so the child never inherits a held lock.  */

#define STRIPE_BITS 6
#define STRIPES (1u << STRIPE_BITS)
#define MIN_CAP 16

struct slot
{
  uint64_t addr;
  uint64_t tag;
};

struct table
{
  pthread_mutex_t lock;
  struct slot *slots;
  uint64_t cap;			/* 0 or a power of two.  */
  uint64_t count;
  char pad[64];
};

static struct table tables[STRIPES] = {
#define T PTHREAD_MUTEX_INITIALIZER, NULL, 0, 0, { 0 }
#define T4 { T }, { T }, { T }, { T }
#define T16 T4, T4, T4, T4
  T16, T16, T16, T16
#undef T16
#undef T4
#undef T
};

_Static_assert (STRIPES == 64, "the initializer above has 64 tables");

/* The number of tagged bytes in all tables (approximate while other
   threads change them).  */
static uint64_t sparse_total;

static pthread_once_t atfork_once = PTHREAD_ONCE_INIT;

static void
lock_all (void)
{
  for (unsigned i = 0; i < STRIPES; i++)
    pthread_mutex_lock (&tables[i].lock);
}

static void
unlock_all (void)
{
  for (unsigned i = STRIPES; i-- > 0;)
    pthread_mutex_unlock (&tables[i].lock);
}

static void
register_atfork (void)
{
  pthread_atfork (lock_all, unlock_all, unlock_all);
}

static inline uint64_t
mix (uint64_t x)
{
  x ^= x >> 31;
  x *= 0x7fb5d329728ea185ull;
  x ^= x >> 27;
  x *= 0x81dadef4bc2dd44dull;
  x ^= x >> 33;
  return x;
}

static inline struct table *
table_of (uint64_t h)
{
  return &tables[h & (STRIPES - 1)];
}

static inline uint64_t
home (const struct table *t, uint64_t h)
{
  return (h >> STRIPE_BITS) & (t->cap - 1);
}

static struct table *
lock_table (uint64_t h)
{
  pthread_once (&atfork_once, register_atfork);
  struct table *t = table_of (h);
  pthread_mutex_lock (&t->lock);
  return t;
}

/* The slot holding ADDR (hash H) in T, or NULL.  */
static struct slot *
table_find (struct table *t, uint64_t addr, uint64_t h)
{
  if (t->cap == 0)
    return NULL;
  uint64_t mask = t->cap - 1;
  for (uint64_t i = home (t, h);; i = (i + 1) & mask)
    {
      struct slot *s = &t->slots[i];
      if (s->tag == 0)
	return NULL;
      if (s->addr == addr)
	return s;
    }
}

/* Put ADDR -> TAG (TAG != 0, ADDR absent) into T, which has room.  */
static void
table_put (struct table *t, uint64_t addr, uint64_t tag)
{
  uint64_t mask = t->cap - 1;
  uint64_t i = home (t, mix (addr));
  while (t->slots[i].tag != 0)
    i = (i + 1) & mask;
  t->slots[i].addr = addr;
  t->slots[i].tag = tag;
  t->count++;
}

/* Rebuild T with CAP slots, keeping the entries outside [LO, HI).  */
static void
table_rebuild (struct table *t, uint64_t cap, uint64_t lo, uint64_t hi)
{
  struct slot *old = t->slots;
  uint64_t oldcap = t->cap;
  uint64_t before = t->count;
  if (cap == 0)
    {
      t->slots = NULL;
      t->cap = 0;
    }
  else
    {
      t->slots = calloc (cap, sizeof *t->slots);
      if (!t->slots)
	fatal ("out of memory");
      t->cap = cap;
    }
  t->count = 0;
  for (uint64_t i = 0; i < oldcap; i++)
    if (old[i].tag != 0 && (old[i].addr < lo || old[i].addr >= hi))
      table_put (t, old[i].addr, old[i].tag);
  free (old);
  __atomic_fetch_sub (&sparse_total, before - t->count, __ATOMIC_RELAXED);
}

/* The capacity for COUNT entries.  */
static uint64_t
cap_for (uint64_t count)
{
  if (count == 0)
    return 0;
  uint64_t cap = MIN_CAP;
  while (count > cap / 2)
    cap *= 2;
  return cap;
}

/* Remove slot I of T, shifting back the entries after it in its cluster
   that may move.  */
static void
table_remove (struct table *t, uint64_t i)
{
  uint64_t mask = t->cap - 1;
  uint64_t j = i;
  for (;;)
    {
      j = (j + 1) & mask;
      if (t->slots[j].tag == 0)
	break;
      uint64_t k = home (t, mix (t->slots[j].addr));
      /* The entry at J may fill the hole at I unless its home lies
	 cyclically in (I, J].  */
      int stays = i <= j ? (i < k && k <= j) : (i < k || k <= j);
      if (!stays)
	{
	  t->slots[i] = t->slots[j];
	  i = j;
	}
    }
  t->slots[i].tag = 0;
  t->slots[i].addr = 0;
  t->count--;
  __atomic_fetch_sub (&sparse_total, 1, __ATOMIC_RELAXED);
  if (t->cap > MIN_CAP && t->count < t->cap / 8)
    table_rebuild (t, cap_for (t->count), 0, 0);
}

static void
sparse_set_locked (struct table *t, uint64_t addr, uint64_t h, uint64_t tag)
{
  struct slot *s = table_find (t, addr, h);
  if (s)
    {
      if (tag != 0)
	s->tag = tag;
      else
	table_remove (t, (uint64_t) (s - t->slots));
      return;
    }
  if (tag == 0)
    return;
  if ((t->count + 1) * 4 > t->cap * 3)
    table_rebuild (t, t->cap ? t->cap * 2 : MIN_CAP, 0, 0);
  table_put (t, addr, tag);
  __atomic_fetch_add (&sparse_total, 1, __ATOMIC_RELAXED);
}

uint64_t
bpfinst_sparse_get (uint64_t addr)
{
  if (addr >= ADDR_LIMIT)
    return 0;
  uint64_t h = mix (addr);
  struct table *t = lock_table (h);
  struct slot *s = table_find (t, addr, h);
  uint64_t tag = s ? s->tag : 0;
  pthread_mutex_unlock (&t->lock);
  return tag;
}

void
bpfinst_sparse_set (uint64_t addr, uint64_t tag)
{
  if (addr >= ADDR_LIMIT)
    return;
  uint64_t h = mix (addr);
  struct table *t = lock_table (h);
  sparse_set_locked (t, addr, h, tag);
  pthread_mutex_unlock (&t->lock);
}

/* Whether a range of LEN bytes is better handled by visiting every entry
   of every table than by visiting every byte.  */
static int
scan_tables (uint64_t len)
{
  return len > 4 * __atomic_load_n (&sparse_total, __ATOMIC_RELAXED)
    + STRIPES * MIN_CAP;
}

void
bpfinst_sparse_set_range (uint64_t addr, uint64_t len, uint64_t tag)
{
  if (!clip_range (addr, &len))
    return;
  if (tag == 0 && scan_tables (len))
    {
      pthread_once (&atfork_once, register_atfork);
      for (unsigned i = 0; i < STRIPES; i++)
	{
	  struct table *t = &tables[i];
	  pthread_mutex_lock (&t->lock);
	  if (t->count)
	    {
	      uint64_t n = 0;
	      for (uint64_t j = 0; j < t->cap; j++)
		if (t->slots[j].tag != 0
		    && t->slots[j].addr - addr < len)
		  n++;
	      if (n)
		table_rebuild (t, cap_for (t->count - n), addr, addr + len);
	    }
	  pthread_mutex_unlock (&t->lock);
	}
      return;
    }
  for (uint64_t i = 0; i < len; i++)
    bpfinst_sparse_set (addr + i, tag);
}

uint64_t
bpfinst_sparse_get_range (uint64_t addr, uint64_t len)
{
  uint64_t r = 0;
  if (!clip_range (addr, &len))
    return 0;
  if (scan_tables (len))
    {
      pthread_once (&atfork_once, register_atfork);
      for (unsigned i = 0; i < STRIPES; i++)
	{
	  struct table *t = &tables[i];
	  pthread_mutex_lock (&t->lock);
	  for (uint64_t j = 0; j < t->cap; j++)
	    if (t->slots[j].tag != 0 && t->slots[j].addr - addr < len)
	      r |= t->slots[j].tag;
	  pthread_mutex_unlock (&t->lock);
	}
      return r;
    }
  for (uint64_t i = 0; i < len; i++)
    r |= bpfinst_sparse_get (addr + i);
  return r;
}

uint64_t
bpfinst_sparse_count (void)
{
  return __atomic_load_n (&sparse_total, __ATOMIC_RELAXED);
}
