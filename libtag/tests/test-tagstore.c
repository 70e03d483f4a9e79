/* test-tagstore.c - unit tests of libtag's dense and sparse tag stores:
   random operations checked against a plain array, ranges, tag 0, high
   addresses, and four threads writing at once.  Exit status 0 when every
   check passes; each failure is printed.  */

#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bpfinst/tagstore.h"

#include "check.h"

struct store
{
  const char *name;
  uint64_t (*get) (uint64_t);
  void (*set) (uint64_t, uint64_t);
  void (*set_range) (uint64_t, uint64_t, uint64_t);
  uint64_t (*get_range) (uint64_t, uint64_t);
};

static const struct store stores[2] = {
  { "dense", bpfinst_dense_get, bpfinst_dense_set, bpfinst_dense_set_range,
    bpfinst_dense_get_range },
  { "sparse", bpfinst_sparse_get, bpfinst_sparse_set,
    bpfinst_sparse_set_range, bpfinst_sparse_get_range },
};

static uint64_t rng_state = 0x2545f4914f6cdd1dull;

static uint64_t
rnd (void)
{
  rng_state ^= rng_state << 13;
  rng_state ^= rng_state >> 7;
  rng_state ^= rng_state << 17;
  return rng_state;
}

static unsigned
dense_chunks (void)
{
  unsigned n = 0;
  for (size_t i = 0; i < (size_t) 1 << BPFINST_DENSE_DIR_BITS; i++)
    n += __bpfinst_dense_dir[i] != NULL;
  return n;
}

/* Random sets, gets and ranges in a window of WIN bytes from BASE,
   mirrored in MODEL.  */
#define WIN 4096

static void
random_ops (const struct store *st, uint64_t base, unsigned nops)
{
  static uint64_t model[WIN];
  memset (model, 0, sizeof model);
  st->set_range (base, WIN, 0);
  for (unsigned op = 0; op < nops; op++)
    {
      uint64_t off = rnd () % WIN;
      uint64_t tag = rnd () % 4 == 0 ? 0
		     : rnd () % 16 == 0 ? rnd () : rnd () % 8;
      uint64_t len = rnd () % 64;
      if (off + len > WIN)
	len = WIN - off;
      switch (rnd () % 5)
	{
	case 0:
	case 1:
	  st->set (base + off, tag);
	  model[off] = tag;
	  break;
	case 2:
	  st->set_range (base + off, len, tag);
	  for (uint64_t i = 0; i < len; i++)
	    model[off + i] = tag;
	  break;
	case 3:
	  CHECK (st->get (base + off) == model[off],
		 "%s: get %#llx: %#llx, expected %#llx", st->name,
		 (unsigned long long) (base + off),
		 (unsigned long long) st->get (base + off),
		 (unsigned long long) model[off]);
	  break;
	case 4:
	  {
	    uint64_t want = 0;
	    for (uint64_t i = 0; i < len; i++)
	      want |= model[off + i];
	    uint64_t got = st->get_range (base + off, len);
	    CHECK (got == want, "%s: get_range %#llx+%llu: %#llx, expected %#llx",
		   st->name, (unsigned long long) (base + off),
		   (unsigned long long) len, (unsigned long long) got,
		   (unsigned long long) want);
	  }
	  break;
	}
    }
  for (uint64_t i = 0; i < WIN; i++)
    CHECK (st->get (base + i) == model[i], "%s: final get %#llx", st->name,
	   (unsigned long long) (base + i));
  st->set_range (base, WIN, 0);
  CHECK (st->get_range (base, WIN) == 0, "%s: window not cleared", st->name);
}

static void
test_basics (const struct store *st)
{
  const uint64_t limit = (uint64_t) 1 << 48;

  /* Untouched bytes, empty ranges.  */
  CHECK (st->get (0x123456) == 0, "%s: fresh byte tagged", st->name);
  CHECK (st->get_range (0x123456, 100) == 0, "%s: fresh range", st->name);
  st->set (0x5000, 7);
  CHECK (st->get_range (0x5000, 0) == 0, "%s: empty range", st->name);
  CHECK (st->get_range (0x5000, 1) == 7, "%s: one-byte range", st->name);
  CHECK (st->get (0x4fff) == 0 && st->get (0x5001) == 0,
	 "%s: neighbours tagged", st->name);
  st->set (0x5000, 0);
  CHECK (st->get (0x5000) == 0, "%s: tag 0 does not clear", st->name);

  /* A range across a chunk boundary (2^28).  */
  uint64_t b = ((uint64_t) 3 << 28) - 5;
  st->set_range (b, 10, 0x30);
  st->set (b + 7, 0x0c);
  CHECK (st->get (b - 1) == 0 && st->get (b + 10) == 0,
	 "%s: range overran", st->name);
  CHECK (st->get (b + 4) == 0x30 && st->get (b + 5) == 0x30,
	 "%s: range across chunks", st->name);
  CHECK (st->get_range (b, 10) == 0x3c, "%s: OR across chunks", st->name);
  CHECK (st->get_range (b + 8, 2) == 0x30, "%s: OR of part", st->name);
  st->set_range (b, 10, 0);
  CHECK (st->get_range (b - 16, 32) == 0, "%s: clear across chunks",
	 st->name);

  /* The top of the covered space, and beyond.  */
  st->set (limit - 1, 9);
  CHECK (st->get (limit - 1) == 9, "%s: last address", st->name);
  st->set_range (limit - 4, 100, 0x40);
  CHECK (st->get (limit - 4) == 0x40 && st->get (limit - 1) == 0x40,
	 "%s: range at the top", st->name);
  CHECK (st->get_range (limit - 8, 1000) == 0x40, "%s: clipped range",
	 st->name);
  st->set_range (limit - 8, 8, 0);
  CHECK (st->get (limit - 1) == 0, "%s: clear at the top", st->name);

  unsigned before = dense_chunks ();
  uint64_t count = bpfinst_sparse_count ();
  static const uint64_t high[] = {
    (uint64_t) 1 << 48, ((uint64_t) 1 << 48) + 0x1000, (uint64_t) 1 << 63,
    0xffff800000001000ull, UINT64_MAX,
  };
  for (size_t i = 0; i < sizeof high / sizeof *high; i++)
    {
      st->set (high[i], 5);
      st->set_range (high[i] - (high[i] == UINT64_MAX), 2, 6);
      CHECK (st->get (high[i]) == 0, "%s: high address %#llx tagged",
	     st->name, (unsigned long long) high[i]);
      CHECK (st->get_range (high[i], 16) == 0, "%s: high range %#llx",
	     st->name, (unsigned long long) high[i]);
      /* Addresses with high bits that alias a covered one when masked.  */
      CHECK (st->get (high[i] & (limit - 1)) == 0,
	     "%s: %#llx aliases a low address", st->name,
	     (unsigned long long) high[i]);
    }
  CHECK (dense_chunks () == before, "%s: high address made a chunk",
	 st->name);
  CHECK (bpfinst_sparse_count () == count,
	 "%s: high address made an entry", st->name);

  /* Tag 0 never creates anything.  */
  before = dense_chunks ();
  count = bpfinst_sparse_count ();
  st->set ((uint64_t) 0x7a5 << 28, 0);
  st->set_range ((uint64_t) 0x7a6 << 28, 1 << 20, 0);
  CHECK (dense_chunks () == before, "%s: tag 0 made a chunk", st->name);
  CHECK (bpfinst_sparse_count () == count, "%s: tag 0 made an entry",
	 st->name);

  random_ops (st, 0x10000, 20000);
  random_ops (st, ((uint64_t) 0x123 << 28) - WIN / 2, 20000);
  random_ops (st, ((uint64_t) 1 << 48) - WIN, 20000);
}

/* The dense store's layout, as inline code sees it.  */
static void
test_dense_layout (void)
{
  uint64_t addr = ((uint64_t) 0x7e5 << 28) + 0x1234567;
  bpfinst_dense_set (addr, 0xabc);
  uint64_t *c = __bpfinst_dense_dir[(addr >> 28) & 0xfffff];
  CHECK (c != NULL, "dense: no chunk after a set");
  if (c)
    {
      CHECK (c[addr & 0x0fffffff] == 0xabc, "dense: layout");
      c[(addr + 1) & 0x0fffffff] = 0xdef;
      CHECK (bpfinst_dense_get (addr + 1) == 0xdef, "dense: inline set");
    }
  CHECK (bpfinst_dense_slow_set (addr + 2, 0x55) == 0
	 && bpfinst_dense_get (addr + 2) == 0x55, "dense: slow_set");

  /* Clearing many pages gives them back and reads as zeros.  */
  uint64_t big = (uint64_t) 0x7e7 << 28;
  bpfinst_dense_set_range (big + 3, 300000, 0x11);
  CHECK (bpfinst_dense_get_range (big, 300010) == 0x11, "dense: big range");
  bpfinst_dense_set_range (big + 5, 299990, 0);
  CHECK (bpfinst_dense_get (big + 3) == 0x11
	 && bpfinst_dense_get (big + 4) == 0x11
	 && bpfinst_dense_get (big + 299995) == 0x11
	 && bpfinst_dense_get (big + 299996) == 0x11
	 && bpfinst_dense_get (big + 299994) == 0,
	 "dense: ends of a cleared big range");
  CHECK (bpfinst_dense_get_range (big + 5, 299990) == 0,
	 "dense: cleared big range");
}

/* bpfinst_dense_copy: random copies, overlapping or not, within a window
   that crosses a chunk boundary, checked against memmove on a model; a
   source 0 clears; copying tags 0 where no chunk exists makes none.  */
static void
test_dense_copy (void)
{
  static uint64_t model[WIN];
  uint64_t base = ((uint64_t) 0x5a1 << 28) - WIN / 2;
  for (uint64_t i = 0; i < WIN; i++)
    {
      model[i] = rnd () % 3 ? rnd () % 64 : 0;
      bpfinst_dense_set (base + i, model[i]);
    }
  for (unsigned op = 0; op < 3000; op++)
    {
      uint64_t len = rnd () % (op % 10 ? 40 : WIN / 2);
      uint64_t src = rnd () % (WIN - len), dst = rnd () % (WIN - len);
      uint64_t near = src + rnd () % 8;
      if (op % 7 == 0 && near <= WIN - len)
	dst = near;		/* overlapping */
      bpfinst_dense_copy (base + dst, base + src, len);
      memmove (model + dst, model + src, len * sizeof *model);
    }
  int good = 1;
  for (uint64_t i = 0; i < WIN; i++)
    good &= bpfinst_dense_get (base + i) == model[i];
  CHECK (good, "dense: copies, against memmove");

  bpfinst_dense_copy (base + 10, 0, 20);
  CHECK (bpfinst_dense_get_range (base + 10, 20) == 0
	 && bpfinst_dense_get (base + 9) == model[9]
	 && bpfinst_dense_get (base + 30) == model[30],
	 "dense: a copy from 0 clears");

  unsigned before = dense_chunks ();
  uint64_t empty = (uint64_t) 0x5b3 << 28;
  bpfinst_dense_copy (empty, empty + ((uint64_t) 1 << 28), 100);
  CHECK (dense_chunks () == before && bpfinst_dense_get (empty) == 0,
	 "dense: copying tags 0 makes no chunk");
  bpfinst_dense_copy (empty, base, 100);
  CHECK (dense_chunks () == before + 1
	 && bpfinst_dense_get (empty + 50) == model[50],
	 "dense: copying tags into a new region");
  bpfinst_dense_copy (((uint64_t) 1 << 48) - 10, base, 30);
  CHECK (bpfinst_dense_get (((uint64_t) 1 << 48) - 1) == model[9],
	 "dense: a copy stops at 2^48");
  bpfinst_dense_set_range (base, WIN, 0);
  bpfinst_dense_set_range (empty, 100, 0);
  bpfinst_dense_set_range (((uint64_t) 1 << 48) - 10, 10, 0);
}

/* The sparse store holds exactly the tagged bytes.  */
static void
test_sparse_count (void)
{
  uint64_t base = 0x40000000, count = bpfinst_sparse_count ();
  bpfinst_sparse_set_range (base, 5000, 3);
  CHECK (bpfinst_sparse_count () == count + 5000, "sparse: count after range");
  bpfinst_sparse_set_range (base + 1000, 1000, 4);
  CHECK (bpfinst_sparse_count () == count + 5000, "sparse: count after retag");
  bpfinst_sparse_set (base + 10, 0);
  CHECK (bpfinst_sparse_count () == count + 4999, "sparse: count after clear");
  /* A long range with few entries: cleared table by table.  */
  bpfinst_sparse_set_range (base - 100000, 1000000, 0);
  CHECK (bpfinst_sparse_count () == count, "sparse: count after big clear");
  CHECK (bpfinst_sparse_get_range (base - 100000, 1000000) == 0,
	 "sparse: big range after clear");
  bpfinst_sparse_set (base + 77, 0x100);
  bpfinst_sparse_set (base + 999999, 0x200);
  CHECK (bpfinst_sparse_get_range (base, 1 << 24) == 0x300,
	 "sparse: long range, scanned");
  bpfinst_sparse_set_range (base, 1 << 24, 0);
  CHECK (bpfinst_sparse_count () == count, "sparse: count at the end");
}

/* Four threads.  Each first tags its own bytes of a fresh region (in the
   dense store, all four race to create its chunk), one byte at a time and
   by ranges; then all four write the same range repeatedly.  */
#define NTHREADS 4
#define OWN 20000
#define SHARED 3000

struct job
{
  const struct store *st;
  uint64_t base;
  unsigned id;
  pthread_barrier_t *barrier;
};

static void *
worker (void *p)
{
  struct job *j = p;
  uint64_t tag = 0x100 * (j->id + 1);
  uint64_t own = j->base + (uint64_t) j->id * OWN;
  uint64_t shared = j->base + NTHREADS * OWN;

  pthread_barrier_wait (j->barrier);
  for (uint64_t i = 0; i < OWN; i += 199)
    j->st->set_range (own + i, i + 199 <= OWN ? 199 : OWN - i, tag);
  for (uint64_t i = 0; i < OWN; i += 2)
    j->st->set (own + i, tag + (i & 0xff));
  /* Clear, then restore, a stretch of the thread's own bytes.  */
  j->st->set_range (own + 500, 1000, 0);
  for (uint64_t i = 500; i < 1500; i++)
    j->st->set (own + i, i % 2 == 0 ? tag + (i & 0xff) : tag);
  for (unsigned round = 0; round < 20; round++)
    {
      j->st->set_range (shared, SHARED, tag);
      for (uint64_t i = round; i < SHARED; i += 7)
	j->st->set (shared + i, tag + 1);
    }
  return NULL;
}

static void
test_threads (const struct store *st, uint64_t base)
{
  pthread_t th[NTHREADS];
  struct job jobs[NTHREADS];
  pthread_barrier_t barrier;

  pthread_barrier_init (&barrier, NULL, NTHREADS);
  for (unsigned k = 0; k < NTHREADS; k++)
    {
      jobs[k] = (struct job) { st, base, k, &barrier };
      if (pthread_create (&th[k], NULL, worker, &jobs[k]) != 0)
	{
	  fprintf (stderr, "pthread_create failed\n");
	  exit (1);
	}
    }
  for (unsigned k = 0; k < NTHREADS; k++)
    pthread_join (th[k], NULL);
  pthread_barrier_destroy (&barrier);

  for (unsigned k = 0; k < NTHREADS; k++)
    {
      uint64_t tag = 0x100 * (k + 1);
      uint64_t own = base + (uint64_t) k * OWN;
      for (uint64_t i = 0; i < OWN; i++)
	{
	  uint64_t want = i % 2 == 0 ? tag + (i & 0xff) : tag;
	  uint64_t got = st->get (own + i);
	  CHECK (got == want, "%s: thread %u byte %llu: %#llx, expected %#llx",
		 st->name, k, (unsigned long long) i,
		 (unsigned long long) got, (unsigned long long) want);
	}
    }
  uint64_t shared = base + NTHREADS * OWN;
  for (uint64_t i = 0; i < SHARED; i++)
    {
      uint64_t got = st->get (shared + i);
      int ok = 0;
      for (unsigned k = 0; k < NTHREADS; k++)
	ok |= got == 0x100 * (k + 1) || got == 0x100 * (k + 1) + 1;
      CHECK (ok, "%s: shared byte %llu: %#llx", st->name,
	     (unsigned long long) i, (unsigned long long) got);
    }
  CHECK (st->get (base - 1) == 0 && st->get (shared + SHARED) == 0,
	 "%s: threads wrote outside their ranges", st->name);
  st->set_range (base, NTHREADS * OWN + SHARED, 0);
  CHECK (st->get_range (base, NTHREADS * OWN + SHARED) == 0,
	 "%s: threads' bytes not cleared", st->name);
}

int
main (void)
{
  for (int s = 0; s < 2; s++)
    test_basics (&stores[s]);
  test_dense_layout ();
  test_dense_copy ();
  test_sparse_count ();
  /* Fresh regions: the dense store's chunk does not exist yet.  */
  test_threads (&stores[0], ((uint64_t) 0x3f1 << 28) + 0x100);
  test_threads (&stores[1], ((uint64_t) 0x3f2 << 28) + 0x100);
  test_threads (&stores[0], ((uint64_t) 0x3f3 << 28) - 3 * OWN);
  CHECK (bpfinst_sparse_count () == 0, "sparse: %llu entries left",
	 (unsigned long long) bpfinst_sparse_count ());
  printf ("test-tagstore: %lu checks, %d failures\n", checks, failures);
  return failures != 0;
}
