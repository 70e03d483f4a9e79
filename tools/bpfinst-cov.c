/* bpfinst-cov - coverage at source lines, from the table of instrumented
   sites that the plugin writes into every object (.bpfinst.sites, format
   in gcc-plugin/bpfinst-sites.h) and the counters of the edge-coverage
   example (examples/coverage: 65536 32-bit counters; inst_br adds 1 to
   counter (pseudo_pc () + cond) mod 65536).

     bpfinst-cov [-l] -m MAP [-o TRACEFILE] PROGRAM [ELF]...
     bpfinst-cov --addr2line [-l] PROGRAM PC...
     bpfinst-cov --dump [-l] PROGRAM [ELF]...

   See bpfinst-cov(1).  */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <glob.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gelf.h>
#include <libelf.h>

#include "bpfinst-sites.h"

#define MAP_SIZE 65536u
#define MAP_MASK (MAP_SIZE - 1)

/* ---------------------------------------------------------------------- */
/* Errors and memory.  */

static void
fatal (const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  fputs ("bpfinst-cov: ", stderr);
  vfprintf (stderr, fmt, ap);
  fputc ('\n', stderr);
  va_end (ap);
  exit (1);
}

static void *
xmalloc (size_t n)
{
  void *p = malloc (n ? n : 1);
  if (p == NULL)
    fatal ("out of memory");
  return p;
}

static void *
xrealloc (void *p, size_t n)
{
  p = realloc (p, n ? n : 1);
  if (p == NULL)
    fatal ("out of memory");
  return p;
}

static char *
xstrdup (const char *s)
{
  size_t n = strlen (s) + 1;
  return memcpy (xmalloc (n), s, n);
}

/* Make room for one more element in ARRAY, which has N elements and
   room for CAP.  */
#define GROW(array, n, cap)						\
  do									\
    if ((n) == (cap))							\
      {									\
	(cap) = (cap) ? 2 * (cap) : 16;					\
	(array) = xrealloc ((array), (cap) * sizeof *(array));		\
      }									\
  while (0)

/* ---------------------------------------------------------------------- */
/* Interned strings: equal strings are one pointer.  */

static struct
{
  char **slots;
  size_t size, count;
} strings;

static uint64_t
hash_string (const char *s)
{
  uint64_t h = 0xcbf29ce484222325ULL;
  for (; *s; s++)
    h = (h ^ (unsigned char) *s) * 0x100000001b3ULL;
  return h;
}

static const char *
intern (const char *s)
{
  if (2 * (strings.count + 1) > strings.size)
    {
      size_t size = strings.size ? 2 * strings.size : 1024;
      char **slots = calloc (size, sizeof *slots);
      if (slots == NULL)
	fatal ("out of memory");
      for (size_t i = 0; i < strings.size; i++)
	if (strings.slots[i] != NULL)
	  {
	    size_t j = hash_string (strings.slots[i]) & (size - 1);
	    while (slots[j] != NULL)
	      j = (j + 1) & (size - 1);
	    slots[j] = strings.slots[i];
	  }
      free (strings.slots);
      strings.slots = slots;
      strings.size = size;
    }
  size_t j = hash_string (s) & (strings.size - 1);
  while (strings.slots[j] != NULL)
    {
      if (strcmp (strings.slots[j], s) == 0)
	return strings.slots[j];
      j = (j + 1) & (strings.size - 1);
    }
  strings.count++;
  return strings.slots[j] = xstrdup (s);
}

/* FILE made absolute with DIR (when relative) and lexically normalized
   ("." and ".." components, repeated slashes), interned.  Empty when
   FILE is.  */

static const char *
absolute_path (const char *dir, const char *file)
{
  if (file[0] == '\0')
    return intern ("");
  size_t n = strlen (dir) + strlen (file) + 2;
  char *joined = xmalloc (n);
  if (file[0] == '/' || dir[0] == '\0')
    strcpy (joined, file);
  else
    snprintf (joined, n, "%s/%s", dir, file);
  /* Rebuild it component by component.  */
  char *out = xmalloc (n + 1);
  size_t len = 0;
  bool absolute = joined[0] == '/';
  char *save = NULL;
  for (char *c = strtok_r (joined, "/", &save); c != NULL;
       c = strtok_r (NULL, "/", &save))
    {
      if (strcmp (c, ".") == 0)
	continue;
      if (strcmp (c, "..") == 0 && absolute && len == 0)
	continue;		/* "/.." is "/" */
      if (strcmp (c, "..") == 0 && len > 0)
	{
	  char *slash = memrchr (out, '/', len);
	  const char *last = slash ? slash + 1 : out;
	  if (strncmp (last, "..", out + len - last) != 0
	      || out + len - last != 2)
	    {
	      len = slash ? (size_t) (slash - out) : 0;
	      continue;
	    }
	}
      if (len > 0 || absolute)
	out[len++] = '/';
      size_t cl = strlen (c);
      memcpy (out + len, c, cl);
      len += cl;
    }
  if (len == 0)
    out[len++] = absolute ? '/' : '.';
  out[len] = '\0';
  const char *r = intern (out);
  free (out);
  free (joined);
  return r;
}

/* ---------------------------------------------------------------------- */
/* The tables read.  */

struct unit
{
  const char *elf;		/* the file it was read from */
  const char *source;		/* the main source file, as given */
  const char *directory;	/* the compiler's working directory */
};

struct func
{
  const char *name;		/* assembler name */
  const char *display;		/* source name */
  const char *file;		/* as recorded */
  const char *path;		/* absolute */
  unsigned line, column;
};

struct site
{
  uint64_t pc;
  const char *hook;
  const struct func *func;
  const char *file;		/* as recorded */
  const char *path;		/* absolute, or empty */
  unsigned line, column, kind, op;
  size_t unit;			/* index into units */
};

static struct
{
  struct unit *units;
  size_t nunits, units_cap;
  struct func **funcs;
  size_t nfuncs, funcs_cap;
  struct site *sites;
  size_t nsites, sites_cap;
} tab;

static bool
branch_site_p (const struct site *s)
{
  return (s->kind == BPFINST_SITE_BRANCH
	  || s->kind == BPFINST_SITE_SWITCH_DEFAULT
	  || s->kind == BPFINST_SITE_SWITCH_CASE)
	 && strcmp (s->hook, "inst_br") == 0;
}

/* Edges of a branch site: 2 for a conditional branch, 1 for a switch's
   edge.  */

static unsigned
site_edges (const struct site *s)
{
  return s->kind == BPFINST_SITE_BRANCH ? 2 : 1;
}

/* The value inst_br's cond has on edge E of site S.  */

static unsigned
edge_cond (const struct site *s, unsigned e)
{
  switch (s->kind)
    {
    case BPFINST_SITE_BRANCH:
      return e;
    case BPFINST_SITE_SWITCH_CASE:
      return 1;
    default:
      return 0;
    }
}

static const char *const kind_names[] = {
  "operation", "branch", "switch-default", "switch-case"
};

static unsigned
le16 (const unsigned char *p)
{
  return p[0] | (unsigned) p[1] << 8;
}

static uint32_t
le32 (const unsigned char *p)
{
  return p[0] | (uint32_t) p[1] << 8 | (uint32_t) p[2] << 16
	 | (uint32_t) p[3] << 24;
}

static uint64_t
le64 (const unsigned char *p)
{
  return le32 (p) | (uint64_t) le32 (p + 4) << 32;
}

/* A string of the unit whose string table is STR (SIZE bytes).  */

static const char *
unit_string (const char *elf, size_t at, const unsigned char *str,
	     uint32_t size, uint32_t off)
{
  if (off >= size)
    fatal ("%s: %s: unit at offset %#zx: string offset %" PRIu32
	   " is past its string table (%" PRIu32 " bytes)", elf,
	   BPFINST_SITES_SECTION, at, off, size);
  return intern ((const char *) str + off);
}

/* Read the units of the section's contents D (N bytes) of ELF.  */

static void
parse_units (const char *elf, const unsigned char *d, size_t n)
{
  const char *sec = BPFINST_SITES_SECTION;
  size_t at = 0;
  while (at < n)
    {
      /* Units start at multiples of 8; zeros may pad between them.  */
      if (d[at] == 0)
	{
	  at++;
	  continue;
	}
      if (at % BPFINST_SITES_ALIGN != 0 || n - at < 16
	  || memcmp (d + at, BPFINST_SITES_MAGIC,
		     BPFINST_SITES_MAGIC_SIZE) != 0)
	fatal ("%s: %s: no unit at offset %#zx (a unit starts with \"%s\")",
	       elf, sec, at, BPFINST_SITES_MAGIC);
      const unsigned char *u = d + at;
      unsigned version = le16 (u + 8);
      if (version != BPFINST_SITES_VERSION)
	fatal ("%s: %s: unit at offset %#zx has format version %u; this "
	       "bpfinst-cov reads version %d", elf, sec, at, version,
	       BPFINST_SITES_VERSION);
      if (n - at < BPFINST_SITES_HEADER_SIZE)
	fatal ("%s: %s: unit at offset %#zx is truncated (%d bytes needed, "
	       "%zu in the section)", elf, sec, at, BPFINST_SITES_HEADER_SIZE,
	       n - at);
      unsigned hsize = le16 (u + 10), fsize = le16 (u + 12);
      unsigned ssize = le16 (u + 14);
      uint32_t usize = le32 (u + 16), nf = le32 (u + 20);
      uint32_t ns = le32 (u + 24), strsize = le32 (u + 28);
      if (hsize < BPFINST_SITES_HEADER_SIZE
	  || fsize < BPFINST_SITES_FUNCTION_SIZE
	  || ssize < BPFINST_SITES_SITE_SIZE)
	fatal ("%s: %s: unit at offset %#zx: record sizes %u, %u, %u are "
	       "below the format's %d, %d, %d", elf, sec, at, hsize, fsize,
	       ssize, BPFINST_SITES_HEADER_SIZE, BPFINST_SITES_FUNCTION_SIZE,
	       BPFINST_SITES_SITE_SIZE);
      uint64_t need = (uint64_t) hsize + (uint64_t) nf * fsize
		      + (uint64_t) ns * ssize + strsize;
      if (usize > n - at || need > usize)
	fatal ("%s: %s: unit at offset %#zx is truncated (%" PRIu64
	       " bytes needed, %zu in the section)", elf, sec, at,
	       need > usize ? need : (uint64_t) usize, n - at);
      const unsigned char *fr = u + hsize;
      const unsigned char *sr = fr + (size_t) nf * fsize;
      const unsigned char *str = sr + (size_t) ns * ssize;
      if (strsize == 0 || str[strsize - 1] != '\0')
	fatal ("%s: %s: unit at offset %#zx: its string table does not end "
	       "with a NUL", elf, sec, at);

      GROW (tab.units, tab.nunits, tab.units_cap);
      size_t ui = tab.nunits++;
      struct unit *unit = &tab.units[ui];
      unit->elf = intern (elf);
      unit->source = unit_string (elf, at, str, strsize, le32 (u + 32));
      unit->directory = unit_string (elf, at, str, strsize, le32 (u + 36));

      size_t first_func = tab.nfuncs;
      for (uint32_t i = 0; i < nf; i++, fr += fsize)
	{
	  struct func *f = xmalloc (sizeof *f);
	  f->name = unit_string (elf, at, str, strsize, le32 (fr));
	  f->display = unit_string (elf, at, str, strsize, le32 (fr + 4));
	  f->file = unit_string (elf, at, str, strsize, le32 (fr + 8));
	  f->path = absolute_path (unit->directory, f->file);
	  f->line = le32 (fr + 12);
	  f->column = le32 (fr + 16);
	  GROW (tab.funcs, tab.nfuncs, tab.funcs_cap);
	  tab.funcs[tab.nfuncs++] = f;
	}
      for (uint32_t i = 0; i < ns; i++, sr += ssize)
	{
	  uint32_t fi = le32 (sr + 12);
	  unsigned kind = le16 (sr + 26);
	  if (fi >= nf)
	    fatal ("%s: %s: unit at offset %#zx: site %" PRIu32 " names "
		   "function %" PRIu32 " of %" PRIu32, elf, sec, at, i, fi, nf);
	  if (kind > BPFINST_SITE_SWITCH_CASE)
	    fatal ("%s: %s: unit at offset %#zx: site %" PRIu32 " has "
		   "unknown kind %u", elf, sec, at, i, kind);
	  GROW (tab.sites, tab.nsites, tab.sites_cap);
	  struct site *s = &tab.sites[tab.nsites++];
	  memset (s, 0, sizeof *s);
	  s->pc = le64 (sr);
	  s->hook = unit_string (elf, at, str, strsize, le32 (sr + 8));
	  s->func = tab.funcs[first_func + fi];
	  s->file = unit_string (elf, at, str, strsize, le32 (sr + 16));
	  s->path = absolute_path (unit->directory, s->file);
	  s->line = le32 (sr + 20);
	  s->column = le16 (sr + 24);
	  s->kind = kind;
	  s->op = le32 (sr + 28);
	  s->unit = ui;
	}
      at += (usize + BPFINST_SITES_ALIGN - 1) & -(size_t) BPFINST_SITES_ALIGN;
    }
}

/* ---------------------------------------------------------------------- */
/* ELF files.  */

struct elf_info
{
  int data;			/* ELFDATA2LSB or ELFDATA2MSB */
  int class;
  unsigned machine;
  bool has_table;
  /* Its dynamic section's DT_NEEDED, DT_RPATH and DT_RUNPATH.  */
  char **needed;
  size_t nneeded;
  char *rpath, *runpath;
};

/* Read the ELF file PATH: its table (into tab) and what INFO holds.
   With AS (a library looked for), false when PATH is not a readable ELF
   file of AS's class and machine; otherwise such a file is an error.  */

static bool
read_elf (const char *path, struct elf_info *info, const struct elf_info *as)
{
  memset (info, 0, sizeof *info);
  int fd = open (path, O_RDONLY);
  if (fd < 0)
    {
      if (as)
	return false;
      fatal ("%s: %s", path, strerror (errno));
    }
  Elf *elf = elf_begin (fd, ELF_C_READ, NULL);
  GElf_Ehdr eh;
  if (elf == NULL || elf_kind (elf) != ELF_K_ELF
      || gelf_getehdr (elf, &eh) == NULL
      || (as && (eh.e_ident[EI_CLASS] != as->class
		 || eh.e_machine != as->machine)))
    {
      if (elf)
	elf_end (elf);
      close (fd);
      if (as)
	return false;
      fatal ("%s: not an ELF file", path);
    }
  size_t shstrndx;
  if (elf_getshdrstrndx (elf, &shstrndx) != 0)
    fatal ("%s: bad ELF file: %s", path, elf_errmsg (-1));
  info->data = eh.e_ident[EI_DATA];
  info->class = eh.e_ident[EI_CLASS];
  info->machine = eh.e_machine;

  Elf_Scn *scn = NULL;
  while ((scn = elf_nextscn (elf, scn)) != NULL)
    {
      GElf_Shdr sh;
      if (gelf_getshdr (scn, &sh) == NULL)
	fatal ("%s: bad ELF file: %s", path, elf_errmsg (-1));
      const char *name = elf_strptr (elf, shstrndx, sh.sh_name);
      if (name != NULL && strcmp (name, BPFINST_SITES_SECTION) == 0)
	{
	  /* SHT_NOBITS has no contents: no units.  */
	  Elf_Data *d = elf_rawdata (scn, NULL);
	  if (d == NULL && sh.sh_type != SHT_NOBITS)
	    fatal ("%s: bad ELF file: %s", path, elf_errmsg (-1));
	  if (d != NULL && d->d_buf != NULL)
	    parse_units (path, d->d_buf, d->d_size);
	  info->has_table = true;
	}
      else if (sh.sh_type == SHT_DYNAMIC)
	{
	  Elf_Data *d = elf_getdata (scn, NULL);
	  size_t n = sh.sh_entsize ? sh.sh_size / sh.sh_entsize : 0;
	  for (size_t i = 0; d != NULL && i < n; i++)
	    {
	      GElf_Dyn dyn;
	      if (gelf_getdyn (d, (int) i, &dyn) == NULL)
		break;
	      if (dyn.d_tag != DT_NEEDED && dyn.d_tag != DT_RPATH
		  && dyn.d_tag != DT_RUNPATH)
		continue;
	      const char *s = elf_strptr (elf, sh.sh_link, dyn.d_un.d_val);
	      if (s == NULL)
		continue;
	      if (dyn.d_tag == DT_NEEDED)
		{
		  info->needed = xrealloc (info->needed, (info->nneeded + 1)
					   * sizeof *info->needed);
		  info->needed[info->nneeded++] = xstrdup (s);
		}
	      else if (dyn.d_tag == DT_RPATH)
		info->rpath = xstrdup (s);
	      else
		info->runpath = xstrdup (s);
	    }
	}
    }
  elf_end (elf);
  close (fd);
  return true;
}

/* ---------------------------------------------------------------------- */
/* The shared libraries a file needs (-l), found as the dynamic loader
   finds them: DT_RPATH (when there is no DT_RUNPATH), LD_LIBRARY_PATH,
   DT_RUNPATH, the folders of /etc/ld.so.conf, then the default ones;
   under --sysroot, in that tree (and without LD_LIBRARY_PATH).  */

static const char *sysroot = "";
static bool follow_libraries;

static struct
{
  char **v;
  size_t n;
} seen, ldconf;
static bool ldconf_read;

static void
push (char ***v, size_t *n, const char *s)
{
  *v = xrealloc (*v, (*n + 1) * sizeof **v);
  (*v)[(*n)++] = xstrdup (s);
}

static void
read_ldconf (const char *file, int depth)
{
  char path[PATH_MAX];
  snprintf (path, sizeof path, "%s%s", sysroot, file);
  FILE *f = depth < 8 ? fopen (path, "r") : NULL;
  if (f == NULL)
    return;
  char line[PATH_MAX];
  while (fgets (line, sizeof line, f) != NULL)
    {
      line[strcspn (line, "#\r\n")] = '\0';
      char *p = line + strspn (line, " \t");
      if (strncmp (p, "include", 7) == 0 && (p[7] == ' ' || p[7] == '\t'))
	{
	  char *arg = p + 7 + strspn (p + 7, " \t");
	  arg[strcspn (arg, " \t")] = '\0';
	  char pattern[PATH_MAX];
	  snprintf (pattern, sizeof pattern, "%s%s%s", sysroot,
		    arg[0] == '/' ? "" : "/etc/", arg);
	  glob_t g;
	  if (glob (pattern, 0, NULL, &g) == 0)
	    for (size_t i = 0; i < g.gl_pathc; i++)
	      read_ldconf (g.gl_pathv[i] + strlen (sysroot), depth + 1);
	  globfree (&g);
	}
      else
	{
	  p[strcspn (p, " \t")] = '\0';
	  if (*p != '\0')
	    push (&ldconf.v, &ldconf.n, p);
	}
    }
  fclose (f);
}

/* Has the file at PATH been read already?  Notes it if not.  */

static bool
seen_file_p (const char *path)
{
  char real[PATH_MAX];
  if (realpath (path, real) == NULL)
    snprintf (real, sizeof real, "%s", path);
  for (size_t i = 0; i < seen.n; i++)
    if (strcmp (seen.v[i], real) == 0)
      return true;
  push (&seen.v, &seen.n, real);
  return false;
}

static void find_libraries (const struct elf_info *info, const char *path);

/* Read the library at PATH if it is one AS can use, and the libraries
   it needs.  True when it is (or was read before).  */

static bool
load_library (const char *path, const struct elf_info *as)
{
  struct elf_info info;
  if (access (path, R_OK) != 0)
    return false;
  char real[PATH_MAX];
  if (realpath (path, real) != NULL)
    for (size_t i = 0; i < seen.n; i++)
      if (strcmp (seen.v[i], real) == 0)
	return true;
  if (!read_elf (path, &info, as))
    return false;
  seen_file_p (path);
  find_libraries (&info, path);
  return true;
}

/* Look for NAME in the folders of the colon-separated LIST; ORIGIN
   replaces $ORIGIN.  */

static bool
try_dirs (const char *list, const char *name, const char *origin,
	  const struct elf_info *as, bool in_sysroot)
{
  if (list == NULL)
    return false;
  char *copy = xstrdup (list);
  char *save = NULL;
  bool found = false;
  for (char *dir = strtok_r (copy, ":", &save); dir != NULL && !found;
       dir = strtok_r (NULL, ":", &save))
    {
      char path[PATH_MAX];
      if (strncmp (dir, "$ORIGIN", 7) == 0)
	snprintf (path, sizeof path, "%s%s/%s", origin, dir + 7, name);
      else if (strncmp (dir, "${ORIGIN}", 9) == 0)
	snprintf (path, sizeof path, "%s%s/%s", origin, dir + 9, name);
      else
	snprintf (path, sizeof path, "%s%s/%s", in_sysroot ? sysroot : "",
		  dir, name);
      found = load_library (path, as);
    }
  free (copy);
  return found;
}

/* Read the libraries that the file at PATH, which INFO describes,
   needs.  */

static void
find_libraries (const struct elf_info *info, const char *path)
{
  char *origin = xstrdup (path);
  char *slash = strrchr (origin, '/');
  if (slash)
    *slash = '\0';
  else
    strcpy (origin, ".");
  for (size_t i = 0; i < info->nneeded; i++)
    {
      const char *name = info->needed[i];
      bool found;
      if (strchr (name, '/') != NULL)
	{
	  char p[PATH_MAX];
	  snprintf (p, sizeof p, "%s%s", name[0] == '/' ? sysroot : "", name);
	  found = load_library (p, info);
	}
      else
	{
	  found = ((info->runpath == NULL
		    && try_dirs (info->rpath, name, origin, info, true))
		   || (sysroot[0] == '\0'
		       && try_dirs (getenv ("LD_LIBRARY_PATH"), name, origin,
				    info, false))
		   || try_dirs (info->runpath, name, origin, info, true));
	  if (!found && !ldconf_read)
	    {
	      ldconf_read = true;
	      read_ldconf ("/etc/ld.so.conf", 0);
	      static const char *const defaults[] = {
		"/lib", "/usr/lib", "/lib64", "/usr/lib64"
	      };
	      for (size_t j = 0; j < sizeof defaults / sizeof *defaults; j++)
		push (&ldconf.v, &ldconf.n, defaults[j]);
	    }
	  for (size_t j = 0; !found && j < ldconf.n; j++)
	    found = try_dirs (ldconf.v[j], name, origin, info, true);
	}
      if (!found)
	fprintf (stderr, "bpfinst-cov: warning: %s: %s, which it needs, "
		 "not found: its sites are not read\n", path, name);
    }
  free (origin);
}

/* The first file named: the program, whose byte order the map has.  */
static struct elf_info program_info;

/* Read the file PATH named on the command line (and, with -l, the
   libraries it needs).  */

static void
read_named (const char *path)
{
  struct elf_info info;
  if (seen_file_p (path))
    return;
  read_elf (path, &info, NULL);
  if (program_info.data == 0)
    program_info = info;
  if (!info.has_table)
    fprintf (stderr, "bpfinst-cov: warning: %s: no %s section (not built "
	     "with the bpfinst plugin, or the section was removed)\n", path,
	     BPFINST_SITES_SECTION);
  if (follow_libraries)
    find_libraries (&info, path);
}

/* ---------------------------------------------------------------------- */
/* The coverage map and the counts.  */

static uint32_t map[MAP_SIZE];

/* Read the map at PATH, written in the byte order of the machine that
   ran the program: the program's.  */

static void
read_map (const char *path)
{
  FILE *f = fopen (path, "rb");
  if (f == NULL)
    fatal ("%s: %s", path, strerror (errno));
  unsigned char *buf = xmalloc (4 * MAP_SIZE + 1);
  size_t n = fread (buf, 1, 4 * MAP_SIZE + 1, f);
  if (ferror (f))
    fatal ("%s: %s", path, strerror (errno));
  fclose (f);
  if (n != 4 * MAP_SIZE)
    fatal ("%s: %zu%s bytes; a coverage map is %u 32-bit counters (%u "
	   "bytes), as examples/coverage writes to BPFINST_COV_FILE", path,
	   n, n > 4 * MAP_SIZE ? " or more" : "", MAP_SIZE, 4 * MAP_SIZE);
  bool big = program_info.data == ELFDATA2MSB;
  for (unsigned i = 0; i < MAP_SIZE; i++)
    {
      const unsigned char *p = buf + 4 * i;
      map[i] = big ? ((uint32_t) p[0] << 24 | (uint32_t) p[1] << 16
		      | (uint32_t) p[2] << 8 | p[3])
		   : le32 (p);
    }
  free (buf);
}

static uint32_t
counter (const struct site *s, unsigned e)
{
  return map[(s->pc + edge_cond (s, e)) & MAP_MASK];
}

/* Sites that count the same source place in several units (an inline
   or template function, one copy per unit that uses it) are one merged
   site, whose counts are their sum.  Merged sites are sorted by file,
   line, column, function, hook and kind.  */

struct msite
{
  const struct site *site;	/* the first copy */
  /* The counts of its edges: for a branch, [0] not taken (cond 0) and
     [1] taken (cond 1); for an edge out of a switch, [0].  */
  uint64_t count[2];
};

static struct msite *merged;
static size_t nmerged;

static uint64_t
msite_total (const struct msite *m)
{
  return m->count[0] + m->count[1];
}

static int
cmp_uint (unsigned a, unsigned b)
{
  return a < b ? -1 : a > b;
}

static int
site_key_cmp (const struct site *a, const struct site *b)
{
  int c;
  if ((c = strcmp (a->path, b->path)) != 0
      || (c = cmp_uint (a->line, b->line)) != 0
      || (c = cmp_uint (a->column, b->column)) != 0
      || (c = strcmp (a->func->name, b->func->name)) != 0
      || (c = strcmp (a->hook, b->hook)) != 0
      || (c = cmp_uint (a->kind, b->kind)) != 0)
    return c;
  return 0;
}

static int
site_order_cmp (const void *x, const void *y)
{
  const struct site *a = *(const struct site *const *) x;
  const struct site *b = *(const struct site *const *) y;
  int c = site_key_cmp (a, b);
  if (c == 0 && (c = (a->unit > b->unit) - (a->unit < b->unit)) == 0)
    c = (a > b) - (a < b);
  return c;
}

static void
merge_sites (void)
{
  const struct site **p = xmalloc (tab.nsites * sizeof *p);
  for (size_t i = 0; i < tab.nsites; i++)
    p[i] = &tab.sites[i];
  qsort (p, tab.nsites, sizeof *p, site_order_cmp);
  merged = xmalloc (tab.nsites * sizeof *merged);
  for (size_t i = 0, j; i < tab.nsites; i = j)
    {
      size_t base = nmerged, k = 0, unit = p[i]->unit;
      for (j = i; j < tab.nsites && site_key_cmp (p[i], p[j]) == 0; j++)
	{
	  const struct site *s = p[j];
	  if (s->unit != unit)
	    {
	      unit = s->unit;
	      k = 0;
	    }
	  if (base + k == nmerged)
	    {
	      merged[nmerged].site = s;
	      merged[nmerged].count[0] = merged[nmerged].count[1] = 0;
	      nmerged++;
	    }
	  struct msite *m = &merged[base + k++];
	  if (branch_site_p (s))
	    for (unsigned e = 0; e < site_edges (s); e++)
	      m->count[e] += counter (s, e);
	}
    }
  free (p);
}

/* ---------------------------------------------------------------------- */
/* The summary.  */

struct stats
{
  size_t sites, branch_sites, edges, taken, lines, lines_executed;
  uint64_t max_count;
};

/* Add merged site M to ST (but for its line: stats_lines).  */

static void
stats_add (struct stats *st, const struct msite *m)
{
  st->sites++;
  if (!branch_site_p (m->site))
    return;
  st->branch_sites++;
  for (unsigned e = 0; e < site_edges (m->site); e++)
    {
      st->edges++;
      st->taken += m->count[e] != 0;
    }
  if (msite_total (m) > st->max_count)
    st->max_count = msite_total (m);
}

/* Count the lines with branch sites, and those executed, among the
   merged sites M[0..N-1] (sorted by file and line).  */

static void
stats_lines (struct stats *st, const struct msite *const *m, size_t n)
{
  for (size_t i = 0, j; i < n; i = j)
    {
      bool any = false, run = false;
      for (j = i; j < n && m[j]->site->path == m[i]->site->path
		  && m[j]->site->line == m[i]->site->line; j++)
	if (branch_site_p (m[j]->site))
	  {
	    any = true;
	    run |= msite_total (m[j]) != 0;
	  }
      st->lines += any;
      st->lines_executed += run;
    }
}

/* PATH as printed: relative to the current folder when under it.  */

static char cwd[PATH_MAX];

static const char *
shown_path (const char *path)
{
  size_t n = strlen (cwd);
  if (path[0] == '\0')
    return "<unknown>";
  if (n > 1 && strncmp (path, cwd, n) == 0 && path[n] == '/')
    return path + n + 1;
  return path;
}

/* A function of the merged table: its merged sites, M[0..N-1].  */

struct mfunc
{
  const struct func *func;
  const struct msite **m;
  size_t n;
  struct stats st;
};

static struct mfunc *mfuncs;
static size_t nmfuncs;

static int
msite_func_cmp (const void *x, const void *y)
{
  const struct msite *a = *(const struct msite *const *) x;
  const struct msite *b = *(const struct msite *const *) y;
  const struct func *fa = a->site->func, *fb = b->site->func;
  int c;
  if ((c = strcmp (fa->path, fb->path)) != 0
      || (c = strcmp (fa->name, fb->name)) != 0)
    return c;
  return (a > b) - (a < b);	/* merged order: by file and line */
}

static int
mfunc_cmp (const void *x, const void *y)
{
  const struct mfunc *a = x, *b = y;
  int c;
  if ((c = strcmp (a->func->path, b->func->path)) != 0
      || (c = cmp_uint (a->func->line, b->func->line)) != 0)
    return c;
  return strcmp (a->func->name, b->func->name);
}

static void
group_functions (void)
{
  const struct msite **p = xmalloc (nmerged * sizeof *p);
  for (size_t i = 0; i < nmerged; i++)
    p[i] = &merged[i];
  qsort (p, nmerged, sizeof *p, msite_func_cmp);
  mfuncs = xmalloc ((nmerged ? nmerged : 1) * sizeof *mfuncs);
  for (size_t i = 0, j; i < nmerged; i = j)
    {
      const struct func *f = p[i]->site->func;
      for (j = i; j < nmerged && p[j]->site->func->path == f->path
		  && p[j]->site->func->name == f->name; j++)
	;
      struct mfunc *mf = &mfuncs[nmfuncs++];
      memset (mf, 0, sizeof *mf);
      mf->func = f;
      mf->m = p + i;
      mf->n = j - i;
      for (size_t k = i; k < j; k++)
	stats_add (&mf->st, p[k]);
      stats_lines (&mf->st, p + i, j - i);
    }
  qsort (mfuncs, nmfuncs, sizeof *mfuncs, mfunc_cmp);
}

static void
print_stats_head (void)
{
  printf (" %7s %8s %7s %7s %9s %7s %8s\n", "sites", "br-sites", "edges",
	  "taken", "not-taken", "lines", "executed");
}

static void
print_stats_row (const struct stats *st)
{
  printf (" %7zu %8zu %7zu %7zu %9zu %7zu %8zu\n", st->sites,
	  st->branch_sites, st->edges, st->taken, st->edges - st->taken,
	  st->lines, st->lines_executed);
}

static void
print_summary (const char *map_path)
{
  struct stats total;
  memset (&total, 0, sizeof total);
  const struct msite **all = xmalloc ((nmerged ? nmerged : 1)
				      * sizeof *all);
  for (size_t i = 0; i < nmerged; i++)
    {
      all[i] = &merged[i];
      stats_add (&total, &merged[i]);
    }
  stats_lines (&total, all, nmerged);

  size_t files = 0;
  for (size_t i = 0; i < tab.nunits; i++)
    {
      size_t j = 0;
      while (j < i && tab.units[j].elf != tab.units[i].elf)
	j++;
      files += j == i;
    }
  printf ("bpfinst-cov: %zu sites (%zu records in the tables of %zu "
	  "translation units, in %zu files)\n", nmerged, tab.nsites,
	  tab.nunits, files);
  size_t funcs = 0, funcs_run = 0;
  for (size_t i = 0; i < nmfuncs; i++)
    {
      funcs += mfuncs[i].st.branch_sites != 0;
      funcs_run += mfuncs[i].st.max_count != 0;
    }
  printf ("bpfinst-cov: %s: %zu branch sites (inst_br) with %zu edges: %zu "
	  "taken, %zu not taken; executed: %zu of %zu lines and %zu of %zu "
	  "functions with branch sites\n", map_path, total.branch_sites,
	  total.edges, total.taken, total.edges - total.taken,
	  total.lines_executed, total.lines, funcs_run, funcs);

  /* Counters that several sites use: each adds to the others' counts.  */
  static unsigned char owners[MAP_SIZE];
  size_t used = 0, shared = 0, sharing = 0;
  for (size_t i = 0; i < tab.nsites; i++)
    if (branch_site_p (&tab.sites[i]))
      for (unsigned e = 0; e < site_edges (&tab.sites[i]); e++)
	{
	  unsigned c = (tab.sites[i].pc + edge_cond (&tab.sites[i], e))
		       & MAP_MASK;
	  used += owners[c] == 0;
	  shared += owners[c] == 1;
	  if (owners[c] < 255)
	    owners[c]++;
	}
  for (size_t i = 0; i < tab.nsites; i++)
    if (branch_site_p (&tab.sites[i]))
      {
	bool share = false;
	for (unsigned e = 0; e < site_edges (&tab.sites[i]); e++)
	  share |= owners[(tab.sites[i].pc + edge_cond (&tab.sites[i], e))
			  & MAP_MASK] > 1;
	sharing += share;
      }
  if (shared == 0)
    printf ("bpfinst-cov: counters: %zu of %u used, none shared\n", used,
	    MAP_SIZE);
  else
    printf ("bpfinst-cov: counters: %zu of %u used; %zu shared by %zu "
	    "branch sites, whose counts include each other's\n", used,
	    MAP_SIZE, shared, sharing);

  int w = 8, w2 = 10;
  char where[PATH_MAX + 32];
  for (size_t i = 0; i < nmfuncs; i++)
    {
      int n = (int) strlen (mfuncs[i].func->display);
      w = n > w ? n : w;
      n = snprintf (where, sizeof where, "%s:%u",
		    shown_path (mfuncs[i].func->path), mfuncs[i].func->line);
      w2 = n > w2 ? n : w2;
    }
  printf ("\n%-*s %-*s", w, "function", w2, "defined at");
  print_stats_head ();
  for (size_t i = 0; i < nmfuncs; i++)
    {
      const struct func *f = mfuncs[i].func;
      snprintf (where, sizeof where, "%s:%u", shown_path (f->path),
		f->line);
      printf ("%-*s %-*s", w, f->display, w2, where);
      print_stats_row (&mfuncs[i].st);
    }

  int wf = 5;			/* "total" */
  for (size_t i = 0; i < nmerged; i++)
    {
      int n = (int) strlen (shown_path (merged[i].site->path));
      wf = n > wf ? n : wf;
    }
  printf ("\n%-*s", wf, "file");
  print_stats_head ();
  for (size_t i = 0, j; i < nmerged; i = j)
    {
      struct stats st;
      memset (&st, 0, sizeof st);
      for (j = i; j < nmerged && merged[j].site->path == merged[i].site->path;
	   j++)
	stats_add (&st, &merged[j]);
      stats_lines (&st, all + i, j - i);
      printf ("%-*s", wf, shown_path (merged[i].site->path));
      print_stats_row (&st);
    }
  printf ("%-*s", wf, "total");
  print_stats_row (&total);
  free (all);
}

/* ---------------------------------------------------------------------- */
/* The lcov tracefile.  */

static int
path_cmp (const void *x, const void *y)
{
  return strcmp (*(const char *const *) x, *(const char *const *) y);
}

static void
write_lcov (const char *out_path, const char *test_name)
{
  FILE *out = fopen (out_path, "w");
  if (out == NULL)
    fatal ("%s: %s", out_path, strerror (errno));

  /* The files: those of the branch sites and of their functions.  */
  const char **files = xmalloc ((2 * nmerged + 1) * sizeof *files);
  size_t nfiles = 0;
  for (size_t i = 0; i < nmerged; i++)
    if (branch_site_p (merged[i].site))
      {
	files[nfiles++] = merged[i].site->path;
	files[nfiles++] = merged[i].site->func->path;
      }
  qsort (files, nfiles, sizeof *files, path_cmp);
  size_t n = 0;
  for (size_t i = 0; i < nfiles; i++)
    if (files[i][0] != '\0' && (n == 0 || files[n - 1] != files[i]))
      files[n++] = files[i];
  nfiles = n;

  for (size_t fi = 0; fi < nfiles; fi++)
    {
      const char *path = files[fi];
      fprintf (out, "TN:%s\nSF:%s\n", test_name, path);

      /* Functions with branch sites; the count of a function is its
	 largest site count: nonzero when it ran one of its branches.  */
      size_t fnf = 0, fnh = 0;
      for (size_t i = 0; i < nmfuncs; i++)
	if (mfuncs[i].func->path == path && mfuncs[i].st.branch_sites)
	  fprintf (out, "FN:%u,%s\n", mfuncs[i].func->line,
		   mfuncs[i].func->name);
      for (size_t i = 0; i < nmfuncs; i++)
	if (mfuncs[i].func->path == path && mfuncs[i].st.branch_sites)
	  {
	    fprintf (out, "FNDA:%" PRIu64 ",%s\n", mfuncs[i].st.max_count,
		     mfuncs[i].func->name);
	    fnf++;
	    fnh += mfuncs[i].st.max_count != 0;
	  }
      fprintf (out, "FNF:%zu\nFNH:%zu\n", fnf, fnh);

      /* Branches: a block per conditional branch (edge 0 taken, edge 1
	 not taken), and a block per switch (an edge per branch).  */
      size_t first = 0;
      while (first < nmerged && merged[first].site->path != path)
	first++;
      size_t last = first;
      while (last < nmerged && merged[last].site->path == path)
	last++;
      size_t brf = 0, brh = 0;
      unsigned block = 0;
      for (size_t i = first, j; i < last; i = j)
	{
	  const struct site *s = merged[i].site;
	  j = i + 1;
	  if (!branch_site_p (s))
	    continue;
	  if (s->kind == BPFINST_SITE_BRANCH)
	    {
	      bool run = msite_total (&merged[i]) != 0;
	      for (unsigned e = 0; e < 2; e++)
		{
		  uint64_t c = merged[i].count[1 - e];
		  if (run)
		    fprintf (out, "BRDA:%u,%u,%u,%" PRIu64 "\n", s->line,
			     block, e, c);
		  else
		    fprintf (out, "BRDA:%u,%u,%u,-\n", s->line, block, e);
		  brf++;
		  brh += c != 0;
		}
	      block++;
	      continue;
	    }
	  /* The edges of one switch: same function, line and column.  */
	  while (j < last && branch_site_p (merged[j].site)
		 && merged[j].site->kind != BPFINST_SITE_BRANCH
		 && merged[j].site->func == s->func
		 && merged[j].site->line == s->line
		 && merged[j].site->column == s->column)
	    j++;
	  bool run = false;
	  for (size_t k = i; k < j; k++)
	    run |= merged[k].count[0] != 0;
	  for (size_t k = i; k < j; k++)
	    {
	      if (run)
		fprintf (out, "BRDA:%u,%u,%zu,%" PRIu64 "\n", s->line, block,
			 k - i, merged[k].count[0]);
	      else
		fprintf (out, "BRDA:%u,%u,%zu,-\n", s->line, block, k - i);
	      brf++;
	      brh += merged[k].count[0] != 0;
	    }
	  block++;
	}
      fprintf (out, "BRF:%zu\nBRH:%zu\n", brf, brh);

      /* Lines with branch sites: the largest count among them.  */
      size_t lf = 0, lh = 0;
      for (size_t i = first, j; i < last; i = j)
	{
	  bool any = false;
	  uint64_t count = 0;
	  for (j = i; j < last && merged[j].site->line == merged[i].site->line;
	       j++)
	    if (branch_site_p (merged[j].site))
	      {
		any = true;
		if (msite_total (&merged[j]) > count)
		  count = msite_total (&merged[j]);
	      }
	  if (!any)
	    continue;
	  fprintf (out, "DA:%u,%" PRIu64 "\n", merged[i].site->line, count);
	  lf++;
	  lh += count != 0;
	}
      fprintf (out, "LF:%zu\nLH:%zu\nend_of_record\n", lf, lh);
    }
  free (files);
  if (fclose (out) != 0)
    fatal ("%s: %s", out_path, strerror (errno));
}

/* ---------------------------------------------------------------------- */
/* --dump and --addr2line.  */

static void
dump_sites (void)
{
  size_t unit = (size_t) -1;
  for (size_t i = 0; i < tab.nsites; i++)
    {
      const struct site *s = &tab.sites[i];
      if (s->unit != unit)
	{
	  unit = s->unit;
	  const struct unit *u = &tab.units[unit];
	  if (u->directory[0] != '\0')
	    printf ("# %s: unit %s (in %s)\n", u->elf, u->source,
		    u->directory);
	  else
	    printf ("# %s: unit %s\n", u->elf, u->source);
	}
      printf ("%#018" PRIx64 " %s %s %s:%u:%u %s %u\n", s->pc, s->hook,
	      s->func->display, s->file[0] ? s->file : "??", s->line,
	      s->column, kind_names[s->kind], s->op);
    }
}

static int
site_pc_cmp (const void *x, const void *y)
{
  const struct site *a = *(const struct site *const *) x;
  const struct site *b = *(const struct site *const *) y;
  if (a->pc != b->pc)
    return a->pc < b->pc ? -1 : 1;
  return (a > b) - (a < b);
}

/* Print the sites of each pseudo_pc value of PCS[0..N-1]; false when
   one has none.  */

static bool
addr2line (char **pcs, int n)
{
  const struct site **p = xmalloc ((tab.nsites + 1) * sizeof *p);
  for (size_t i = 0; i < tab.nsites; i++)
    p[i] = &tab.sites[i];
  qsort (p, tab.nsites, sizeof *p, site_pc_cmp);
  bool all = true;
  for (int i = 0; i < n; i++)
    {
      const char *s = pcs[i];
      if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
	s += 2;
      size_t len = strspn (s, "0123456789abcdefABCDEF");
      if (len == 0 || len > 16 || s[len] != '\0')
	fatal ("%s: not a pseudo_pc value (up to 16 hexadecimal digits, "
	       "0x optional)", pcs[i]);
      uint64_t pc = strtoull (s, NULL, 16);
      size_t lo = 0, hi = tab.nsites;
      while (lo < hi)
	{
	  size_t mid = lo + (hi - lo) / 2;
	  if (p[mid]->pc < pc)
	    lo = mid + 1;
	  else
	    hi = mid;
	}
      if (lo == tab.nsites || p[lo]->pc != pc)
	{
	  printf ("?? ??:0:0 ??\n");
	  all = false;
	  continue;
	}
      for (; lo < tab.nsites && p[lo]->pc == pc; lo++)
	printf ("%s %s:%u:%u %s\n", p[lo]->func->display,
		p[lo]->file[0] ? p[lo]->file : "??", p[lo]->line,
		p[lo]->column, p[lo]->hook);
    }
  free (p);
  return all;
}

/* ---------------------------------------------------------------------- */

static void
usage (FILE *f)
{
  fprintf (f,
"Usage: bpfinst-cov [OPTION]... -m MAP PROGRAM [ELF]...\n"
"       bpfinst-cov --addr2line [OPTION]... PROGRAM PC...\n"
"       bpfinst-cov --dump [OPTION]... PROGRAM [ELF]...\n"
"Coverage at source lines from the sites table (%s) of programs\n"
"built with the bpfinst plugin and the counters of the edge-coverage\n"
"instrumenter (examples/coverage, BPFINST_COV_FILE).\n"
"\n"
"  -m, --map=MAP         the coverage map: print a summary by function\n"
"                        and by file\n"
"  -o, --lcov=FILE       also write an lcov tracefile (for genhtml)\n"
"  -t, --test-name=NAME  the tracefile's test name (TN:)\n"
"  -l, --libraries       also read the shared libraries the files need\n"
"      --sysroot=DIR     look for those libraries under DIR\n"
"      --addr2line       print 'function file:line:column hook' for each\n"
"                        pseudo_pc value PC (hexadecimal)\n"
"      --dump            print every site of the tables\n"
"  -h, --help            print this help\n"
"  -V, --version         print the version\n",
	   BPFINST_SITES_SECTION);
}

int
main (int argc, char **argv)
{
  enum { OPT_SYSROOT = 256, OPT_ADDR2LINE, OPT_DUMP };
  static const struct option options[] = {
    { "map", required_argument, NULL, 'm' },
    { "lcov", required_argument, NULL, 'o' },
    { "test-name", required_argument, NULL, 't' },
    { "libraries", no_argument, NULL, 'l' },
    { "sysroot", required_argument, NULL, OPT_SYSROOT },
    { "addr2line", no_argument, NULL, OPT_ADDR2LINE },
    { "dump", no_argument, NULL, OPT_DUMP },
    { "help", no_argument, NULL, 'h' },
    { "version", no_argument, NULL, 'V' },
    { NULL, 0, NULL, 0 }
  };
  const char *map_path = NULL, *lcov_path = NULL, *test_name = "";
  bool do_addr2line = false, do_dump = false;
  int c;
  while ((c = getopt_long (argc, argv, "m:o:t:lhV", options, NULL)) != -1)
    switch (c)
      {
      case 'm':
	map_path = optarg;
	break;
      case 'o':
	lcov_path = optarg;
	break;
      case 't':
	test_name = optarg;
	break;
      case 'l':
	follow_libraries = true;
	break;
      case OPT_SYSROOT:
	sysroot = optarg;
	break;
      case OPT_ADDR2LINE:
	do_addr2line = true;
	break;
      case OPT_DUMP:
	do_dump = true;
	break;
      case 'h':
	usage (stdout);
	return 0;
      case 'V':
	printf ("bpfinst-cov (GCCInst) %s\n", PACKAGE_VERSION);
	return 0;
      default:
	usage (stderr);
	return 1;
      }
  if (do_addr2line + do_dump + (map_path != NULL) != 1)
    fatal ("give one of --map=MAP, --addr2line and --dump (see "
	   "bpfinst-cov --help)");
  if (lcov_path != NULL && map_path == NULL)
    fatal ("--lcov needs --map");
  if (optind >= argc)
    fatal ("no program named (see bpfinst-cov --help)");
  if (do_addr2line && optind + 1 >= argc)
    fatal ("--addr2line: no pseudo_pc value given");
  if (elf_version (EV_CURRENT) == EV_NONE)
    fatal ("libelf: %s", elf_errmsg (-1));
  if (getcwd (cwd, sizeof cwd) == NULL)
    cwd[0] = '\0';

  int nfiles = do_addr2line ? 1 : argc - optind;
  for (int i = 0; i < nfiles; i++)
    read_named (argv[optind + i]);
  if (tab.nsites == 0)
    fatal ("%s: no instrumented sites%s", argv[optind],
	   nfiles > 1 || follow_libraries ? " in any of the files" : "");

  if (do_dump)
    {
      dump_sites ();
      return 0;
    }
  if (do_addr2line)
    return addr2line (argv + optind + 1, argc - optind - 1) ? 0 : 1;

  read_map (map_path);
  merge_sites ();
  group_functions ();
  print_summary (map_path);
  if (lcov_path != NULL)
    write_lcov (lcov_path, test_name);
  return 0;
}
