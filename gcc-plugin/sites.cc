/* sites.cc - the table of instrumented sites (.bpfinst.sites).

   Every hook instance the pass inserts is recorded here (instrument.cc,
   emit_hook): its pseudo_pc (), its hook, its function and its source
   location.  Once every function of the translation unit has been
   instrumented, the table is written into the object as a top-level asm
   statement, in the format bpfinst-sites.h defines.  It is written at
   that point, before GCC streams the translation unit for -flto, so that
   the statement travels with the GIMPLE and the link-time compilation
   emits it: an object that holds only GIMPLE keeps no section of its
   own in the link.  The linker concatenates the tables of its inputs;
   bpfinst-cov (tools/) reads them.  */

#include "gcc-plugin.h"
#include "system.h"
#include "coretypes.h"
#include "backend.h"
#include "tree.h"
#include "gimple.h"
#include "tree-pass.h"
#include "cgraph.h"
#include "stringpool.h"
#include "hash-map.h"
#include "langhooks.h"
#include "diagnostic-core.h"
#include "context.h"

#include "bpf-emit.h"
#include "hook-table.h"
#include "plugin.h"
#include "bpfinst-sites.h"

struct site_record
{
  uint64_t pc;
  unsigned hook;	/* string */
  unsigned function;	/* index into the function records */
  unsigned file;	/* string */
  unsigned line;
  unsigned column;
  unsigned kind;	/* enum bpfinst_site_kind */
  unsigned op;
};

struct function_record
{
  unsigned name, display, file, line, column;
};

/* The translation unit's table, until it is written.  */
static struct
{
  vec<site_record> sites;
  vec<function_record> functions;
  /* The string table: its strings in order, their total size (NULs
     included), and each string's offset.  */
  vec<char *> strings;
  unsigned strings_size;
  hash_map<nofree_string_hash, unsigned> *offsets;
  /* The function the last record belongs to.  */
  tree last_decl;
  /* Is a file named by a relative path (then the table says in which
     folder the compiler ran)?  */
  bool relative;
  bool written;
} table;

/* The offset of S in the string table, which gets S if it lacks it.  */

static unsigned
intern (const char *s)
{
  if (s == NULL || s[0] == '\0')
    return 0;
  if (table.offsets == NULL)
    {
      table.offsets = new hash_map<nofree_string_hash, unsigned>;
      /* Offset 0 is the empty string.  */
      table.strings.safe_push (xstrdup (""));
      table.strings_size = 1;
    }
  if (unsigned *off = table.offsets->get (s))
    return *off;
  char *copy = xstrdup (s);
  unsigned off = table.strings_size;
  table.strings.safe_push (copy);
  table.strings_size += strlen (copy) + 1;
  table.offsets->put (copy, off);
  return off;
}

/* The same for the file path S, noting whether it is relative.  */

static unsigned
intern_path (const char *s)
{
  if (s != NULL && !IS_ABSOLUTE_PATH (s))
    table.relative = true;
  return intern (s);
}

/* The index of the current function's record.  */

static unsigned
current_function_record (void)
{
  if (table.last_decl == current_function_decl && table.functions.length ())
    return table.functions.length () - 1;
  tree decl = current_function_decl;
  expanded_location xloc = expand_location (DECL_SOURCE_LOCATION (decl));
  function_record f;
  f.name = intern (IDENTIFIER_POINTER (DECL_ASSEMBLER_NAME (decl)));
  f.display = intern (lang_hooks.decl_printable_name (decl, 2));
  f.file = intern_path (xloc.file);
  f.line = xloc.line;
  f.column = xloc.column;
  table.functions.safe_push (f);
  table.last_decl = decl;
  return table.functions.length () - 1;
}

void
sites_record (uint64_t pc, enum bpfi_hook hook, const gimple *stmt,
	      tree cond, location_t loc, unsigned op)
{
  unsigned function = current_function_record ();
  /* A branch's hook on its two edges is one site.  */
  if (table.sites.length () != 0)
    {
      const site_record &last = table.sites.last ();
      if (last.pc == pc && last.function == function)
	return;
    }
  site_record s;
  s.pc = pc;
  s.hook = intern (bpfi_hook_descs[hook].name);
  s.function = function;
  expanded_location xloc = expand_location (loc);
  s.file = intern_path (xloc.file);
  s.line = xloc.line;
  s.column = xloc.column;
  if (hook != BPFI_HOOK_BR)
    s.kind = BPFINST_SITE_OPERATION;
  else if (gimple_code (stmt) != GIMPLE_SWITCH)
    s.kind = BPFINST_SITE_BRANCH;
  else
    s.kind = (integer_zerop (cond) ? BPFINST_SITE_SWITCH_DEFAULT
	      : BPFINST_SITE_SWITCH_CASE);
  s.op = op;
  table.sites.safe_push (s);
}

/* Assembler text, growing.  */

struct text
{
  char *buf;
  size_t len, size;
};

static void
text_printf (struct text *t, const char *fmt, ...) ATTRIBUTE_PRINTF_2;

static void
text_printf (struct text *t, const char *fmt, ...)
{
  for (;;)
    {
      va_list ap;
      va_start (ap, fmt);
      size_t room = t->size - t->len;
      int n = vsnprintf (t->buf + t->len, room, fmt, ap);
      va_end (ap);
      gcc_assert (n >= 0);
      if ((size_t) n < room)
	{
	  t->len += n;
	  return;
	}
      t->size = 2 * t->size + n + 1;
      t->buf = XRESIZEVEC (char, t->buf, t->size);
    }
}

/* The 32-bit word V as .4byte writes it so that its bytes in the
   object are little-endian.  */

static unsigned
le32 (unsigned v)
{
  if (!BYTES_BIG_ENDIAN)
    return v;
  return ((v >> 24) | ((v >> 8) & 0xff00) | ((v << 8) & 0xff0000)
	  | (v << 24));
}

/* .4byte for the 32-bit words W[0..N-1], in hexadecimal.  */

static void
emit_words (struct text *t, const unsigned *w, unsigned n)
{
  text_printf (t, "\t.4byte ");
  for (unsigned i = 0; i < n; i++)
    text_printf (t, "%s%#x", i ? "," : "", le32 (w[i]));
  text_printf (t, "\n");
}

/* S as the operand of .ascii, with its NUL.  */

static void
emit_string (struct text *t, const char *s)
{
  text_printf (t, "\t.ascii \"");
  for (const unsigned char *p = (const unsigned char *) s; *p; p++)
    if (*p == '"' || *p == '\\')
      text_printf (t, "\\%c", *p);
    else if (*p < 0x20 || *p >= 0x7f)
      text_printf (t, "\\%03o", *p);
    else
      text_printf (t, "%c", *p);
  text_printf (t, "\\000\"\n");
}

/* Write the table as a top-level asm statement, once.  */

static void
write_table (void)
{
  table.written = true;
  unsigned source = intern_path (main_input_filename);
  /* The folder only when a path needs it, so that an object compiled
     from absolute paths is the same whatever the folder.  */
  unsigned directory = intern (table.relative ? getpwd () : "");
  unsigned nfunc = table.functions.length ();
  unsigned nsite = table.sites.length ();
  unsigned size = (BPFINST_SITES_HEADER_SIZE
		   + nfunc * BPFINST_SITES_FUNCTION_SIZE
		   + nsite * BPFINST_SITES_SITE_SIZE + table.strings_size);
  unsigned padding = -size & (BPFINST_SITES_ALIGN - 1);

  struct text t = { NULL, 0, 0 };
  text_printf (&t, "\t.pushsection %s,\"\"\n\t.balign %d\n",
	       BPFINST_SITES_SECTION, BPFINST_SITES_ALIGN);
  text_printf (&t, "\t.ascii \"%s\"\n", BPFINST_SITES_MAGIC);
  unsigned header[] = {
    BPFINST_SITES_VERSION | (BPFINST_SITES_HEADER_SIZE << 16),
    BPFINST_SITES_FUNCTION_SIZE | (BPFINST_SITES_SITE_SIZE << 16),
    size + padding, nfunc, nsite, table.strings_size, source, directory,
    0, 0
  };
  emit_words (&t, header, ARRAY_SIZE (header));
  for (unsigned i = 0; i < nfunc; i++)
    {
      const function_record &f = table.functions[i];
      unsigned w[] = { f.name, f.display, f.file, f.line, f.column, 0 };
      emit_words (&t, w, ARRAY_SIZE (w));
    }
  for (unsigned i = 0; i < nsite; i++)
    {
      const site_record &s = table.sites[i];
      unsigned w[] = {
	(unsigned) s.pc, (unsigned) (s.pc >> 32), s.hook, s.function,
	s.file, s.line, (s.column & 0xffff) | (s.kind << 16), s.op
      };
      emit_words (&t, w, ARRAY_SIZE (w));
    }
  for (unsigned i = 0; i < table.strings.length (); i++)
    emit_string (&t, table.strings[i]);
  if (padding)
    text_printf (&t, "\t.zero %u\n", padding);
  text_printf (&t, "\t.popsection");
  symtab->finalize_toplevel_asm (build_string (t.len, t.buf));
  free (t.buf);
}

static void
write_table_if_any (void)
{
  if (!table.written && table.sites.length () != 0 && !seen_error ())
    write_table ();
}

/* An IPA pass of its own for the moment to write: GCC computes the IPA
   summaries once every function, including those GCC adds late (the
   constructors of --coverage), is in SSA form and instrumented, and
   just before it streams the translation unit for -flto.  */

static const pass_data pass_data_bpfinst_sites =
{
  IPA_PASS,
  "*bpfinst-sites",
  OPTGROUP_NONE,
  TV_NONE,
  0, 0, 0, 0, 0
};

class pass_bpfinst_sites : public ipa_opt_pass_d
{
public:
  pass_bpfinst_sites (gcc::context *ctxt)
    : ipa_opt_pass_d (pass_data_bpfinst_sites, ctxt,
		      write_table_if_any,	/* generate_summary */
		      NULL, NULL, NULL, NULL, NULL, 0, NULL, NULL)
  {}

  bool gate (function *) final override
  {
    return !in_lto_p;
  }
};

void
sites_register (const char *plugin_name)
{
  plugin_register_pass (plugin_name, new pass_bpfinst_sites (g), "odr",
			PASS_POS_INSERT_BEFORE);
}
