/* maps.c - BPF maps (a GCCInst extension): the hash maps' tables, and
   the native halves' API to every map (bpfinst/maps.h).

   Each map is a struct bpfinst_map the plugin defines in the program
   (bpfinst-abi.h).  An array map's entries are an array of the program,
   which inline code addresses directly; these functions do the same.  A
   hash map's table is made on its first use: a bucket array of chains
   through MAX_ENTRIES preallocated entries (so an insertion never
   allocates, as with Linux's preallocated hash maps), under one lock
   per map.  An entry is a header (the next entry of its chain), the key
   and the value, each 8-byte aligned; deleted entries go to a free list
   and are used again.

   A hash-map operation that starts while the same thread is in one
   already (a signal handler interrupting it) would find the table half
   changed, or wait for its own lock: it fails instead, as Linux's map
   helpers do, with -EBUSY (NULL for a lookup).

   The bare-metal runtime (BPFINST_BARE_METAL: one thread, no POSIX
   threads) has no lock; the interrupt handlers' operations that start
   during another fail the same way.  */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#ifndef BPFINST_BARE_METAL
#include <pthread.h>
#endif

#include "bpfinst/maps.h"
#include "bpfinst-abi.h"

_Static_assert (BPF_MAP_TYPE_HASH == BPFINST_MAP_HASH
		&& BPF_MAP_TYPE_ARRAY == BPFINST_MAP_ARRAY,
		"the map types are Linux's");
_Static_assert (BPF_ANY == BPFINST_MAP_ANY
		&& BPF_NOEXIST == BPFINST_MAP_NOEXIST
		&& BPF_EXIST == BPFINST_MAP_EXIST,
		"the update flags are Linux's");

/* The registry of the instrumenter's maps: defined by the program when
   its code uses a map.  */
extern struct bpfinst_map_registry BPFINST_MAP_REGISTRY
  __attribute__ ((weak));

/* Is a map operation running on this thread (the whole program, on bare
   metal)?  */
#ifdef BPFINST_BARE_METAL
static volatile int busy;
#else
static __thread int busy;
#endif

struct table
{
#ifndef BPFINST_BARE_METAL
  pthread_mutex_t lock;
#endif
  uint32_t nbuckets;		/* a power of two */
  uint32_t *buckets;		/* per bucket: its first entry + 1, or 0 */
  uint32_t used;		/* entries ever handed out */
  uint32_t free;		/* first free entry + 1, or 0 */
  uint32_t count;		/* entries in the map */
  size_t key_off, value_off, entry_size;
  unsigned char *entries;
};

static size_t
round8 (size_t n)
{
  return (n + 7) & ~(size_t) 7;
}

static unsigned char *
entry_at (const struct table *t, uint32_t i)
{
  return t->entries + (size_t) i * t->entry_size;
}

/* The next entry of I's chain + 1, or 0 (the first word of the entry).  */
static uint32_t *
next_of (const struct table *t, uint32_t i)
{
  return (uint32_t *) entry_at (t, i);
}

static struct table *
table_new (const struct bpfinst_map *m)
{
  struct table *t = calloc (1, sizeof *t);
  if (t == NULL)
    return NULL;
  t->nbuckets = 8;
  while (t->nbuckets < m->max_entries && t->nbuckets < (1u << 31))
    t->nbuckets *= 2;
  t->key_off = 8;
  t->value_off = t->key_off + round8 (m->key_size);
  t->entry_size = t->value_off + round8 (m->value_size);
  t->buckets = calloc (t->nbuckets, sizeof *t->buckets);
  t->entries = calloc (m->max_entries, t->entry_size);
  if (t->buckets == NULL || t->entries == NULL)
    {
      free (t->buckets);
      free (t->entries);
      free (t);
      return NULL;
    }
#ifndef BPFINST_BARE_METAL
  pthread_mutex_init (&t->lock, NULL);
#endif
  return t;
}

/* The table of hash map M, made on its first use (by one thread: the
   others use the one it installs), or NULL when memory runs out.  */
static struct table *
table_of (struct bpfinst_map *m)
{
#ifdef BPFINST_BARE_METAL
  if (m->table == NULL)
    m->table = table_new (m);
  return m->table;
#else
  struct table *t = __atomic_load_n ((struct table **) &m->table,
				     __ATOMIC_ACQUIRE);
  if (t != NULL)
    return t;
  t = table_new (m);
  if (t == NULL)
    return NULL;
  void *none = NULL;
  if (!__atomic_compare_exchange_n (&m->table, &none, t, 0,
				    __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
    {
      pthread_mutex_destroy (&t->lock);
      free (t->buckets);
      free (t->entries);
      free (t);
      t = none;
    }
  return t;
#endif
}

/* Enter a hash-map operation on T: false when one is running on this
   thread already.  */
static int
enter (struct table *t)
{
  if (busy)
    return 0;
  busy = 1;
#ifndef BPFINST_BARE_METAL
  pthread_mutex_lock (&t->lock);
#else
  (void) t;
#endif
  return 1;
}

static void
leave (struct table *t)
{
#ifndef BPFINST_BARE_METAL
  pthread_mutex_unlock (&t->lock);
#else
  (void) t;
#endif
  busy = 0;
}

static uint32_t
hash_key (const struct bpfinst_map *m, const struct table *t,
	  const void *key)
{
  const unsigned char *p = key;
  uint64_t h = UINT64_C (0xcbf29ce484222325);
  for (uint32_t i = 0; i < m->key_size; i++)
    {
      h ^= p[i];
      h *= UINT64_C (0x100000001b3);
    }
  return (uint32_t) (h ^ (h >> 32)) & (t->nbuckets - 1);
}

/* The entry holding KEY + 1, or 0; *LINK gets the word that points to it
   (or would, at the end of KEY's chain).  */
static uint32_t
find (const struct bpfinst_map *m, struct table *t, const void *key,
      uint32_t **link)
{
  uint32_t *l = &t->buckets[hash_key (m, t, key)];
  while (*l != 0)
    {
      uint32_t i = *l - 1;
      if (memcmp (entry_at (t, i) + t->key_off, key, m->key_size) == 0)
	break;
      l = next_of (t, i);
    }
  if (link)
    *link = l;
  return *l;
}

static unsigned char *
array_entry (const struct bpfinst_map *m, uint32_t index)
{
  return (unsigned char *) m->data
	 + (size_t) index * BPFINST_MAP_STRIDE (m->value_size);
}

static uint32_t
index_of (const void *key)
{
  uint32_t i;
  memcpy (&i, key, sizeof i);
  return i;
}

struct bpfinst_map *
bpfinst_map_find (const char *name)
{
  struct bpfinst_map_registry *r = &BPFINST_MAP_REGISTRY;
  if (r == NULL || name == NULL)
    return NULL;
  for (uint64_t i = 0; i < r->count; i++)
    if (strcmp (r->maps[i]->name, name) == 0)
      return r->maps[i];
  return NULL;
}

/* bpfinst_map_name, bpfinst_map_type, bpfinst_map_key_size,
   bpfinst_map_value_size and bpfinst_map_max_entries: each returns the
   field of its name.  */
#define MAP_FIELD(ctype, field)						\
  ctype									\
  bpfinst_map_##field (const struct bpfinst_map *map)			\
  {									\
    return map->field;							\
  }

MAP_FIELD (const char *, name)
MAP_FIELD (uint32_t, type)
MAP_FIELD (uint32_t, key_size)
MAP_FIELD (uint32_t, value_size)
MAP_FIELD (uint32_t, max_entries)

#undef MAP_FIELD

void *
BPFINST_MAP_LOOKUP (struct bpfinst_map *map, const void *key)
{
  if (map->type == BPFINST_MAP_ARRAY)
    {
      uint32_t i = index_of (key);
      return i < map->max_entries ? array_entry (map, i) : NULL;
    }
  struct table *t = table_of (map);
  if (t == NULL || !enter (t))
    return NULL;
  uint32_t e = find (map, t, key, NULL);
  leave (t);
  return e ? entry_at (t, e - 1) + t->value_off : NULL;
}

int
BPFINST_MAP_UPDATE (struct bpfinst_map *map, const void *key,
		    const void *value, uint64_t flags)
{
  if (flags > BPFINST_MAP_EXIST)
    return -BPFINST_MAP_EINVAL;
  if (map->type == BPFINST_MAP_ARRAY)
    {
      /* Linux's array_map_update_elem checks in this order.  */
      uint32_t i = index_of (key);
      if (i >= map->max_entries)
	return -BPFINST_MAP_E2BIG;
      if (flags == BPFINST_MAP_NOEXIST)
	return -BPFINST_MAP_EEXIST;
      memcpy (array_entry (map, i), value, map->value_size);
      return 0;
    }
  struct table *t = table_of (map);
  if (t == NULL)
    return -BPFINST_MAP_ENOMEM;
  if (!enter (t))
    return -BPFINST_MAP_EBUSY;
  uint32_t *link;
  uint32_t e = find (map, t, key, &link);
  int ret = 0;
  if (e != 0)
    {
      if (flags == BPFINST_MAP_NOEXIST)
	ret = -BPFINST_MAP_EEXIST;
      else
	memcpy (entry_at (t, e - 1) + t->value_off, value, map->value_size);
    }
  else if (flags == BPFINST_MAP_EXIST)
    ret = -BPFINST_MAP_ENOENT;
  else if (t->count == map->max_entries)
    ret = -BPFINST_MAP_E2BIG;
  else
    {
      uint32_t i;
      if (t->free != 0)
	{
	  i = t->free - 1;
	  t->free = *next_of (t, i);
	}
      else
	i = t->used++;
      unsigned char *p = entry_at (t, i);
      memcpy (p + t->key_off, key, map->key_size);
      memcpy (p + t->value_off, value, map->value_size);
      *next_of (t, i) = 0;
      *link = i + 1;
      t->count++;
    }
  leave (t);
  return ret;
}

int
BPFINST_MAP_DELETE (struct bpfinst_map *map, const void *key)
{
  if (map->type == BPFINST_MAP_ARRAY)
    return -BPFINST_MAP_EINVAL;
  struct table *t = table_of (map);
  if (t == NULL)
    return -BPFINST_MAP_ENOENT;
  if (!enter (t))
    return -BPFINST_MAP_EBUSY;
  uint32_t *link;
  uint32_t e = find (map, t, key, &link);
  int ret = -BPFINST_MAP_ENOENT;
  if (e != 0)
    {
      uint32_t i = e - 1;
      *link = *next_of (t, i);
      *next_of (t, i) = t->free;
      t->free = i + 1;
      t->count--;
      ret = 0;
    }
  leave (t);
  return ret;
}

int
bpfinst_map_get_next_key (struct bpfinst_map *map, const void *key,
			  void *next_key)
{
  if (map->type == BPFINST_MAP_ARRAY)
    {
      uint32_t i = key ? index_of (key) : UINT32_MAX;
      uint32_t next = i >= map->max_entries ? 0 : i + 1;
      if (next >= map->max_entries)
	return -BPFINST_MAP_ENOENT;
      memcpy (next_key, &next, sizeof next);
      return 0;
    }
  struct table *t = table_of (map);
  if (t == NULL)
    return -BPFINST_MAP_ENOENT;
  if (!enter (t))
    return -BPFINST_MAP_EBUSY;
  /* The entry after KEY's in its chain, else the first of a later
     bucket; from the first bucket when KEY is not there.  */
  uint32_t b = 0, e = 0;
  if (key != NULL && (e = find (map, t, key, NULL)) != 0)
    {
      b = hash_key (map, t, key) + 1;
      e = *next_of (t, e - 1);
    }
  for (; e == 0 && b < t->nbuckets; b++)
    e = t->buckets[b];
  if (e != 0)
    memcpy (next_key, entry_at (t, e - 1) + t->key_off, map->key_size);
  leave (t);
  return e != 0 ? 0 : -BPFINST_MAP_ENOENT;
}
