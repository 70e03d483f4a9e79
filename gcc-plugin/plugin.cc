/* plugin.cc - the bpfinst GCC plugin proper (bpfinst-core.so):
   arguments, loading the instrumenter, and the "bpfinst" GIMPLE pass.

   The pass runs right after the function is put into SSA form, at every
   optimization level, and inlines the instrumenter's hooks in front of
   the operations they instrument (instrument.cc).  */

#include "gcc-plugin.h"
#include "tree.h"
#include "tree-pass.h"
#include "context.h"
#include "function.h"
#include "stringpool.h"
#include "attribs.h"
#include "diagnostic-core.h"
#include "dumpfile.h"
#include "opts.h"
#include "toplev.h"
#include "md5.h"
#include "cgraph.h"
#include "langhooks.h"
#include "output.h"
#include "spellcheck.h"
#include "intl.h"
#include "diagnostic.h"
#include <fnmatch.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>

#include "bpf-emit.h"
#include "hook-table.h"
#include "plugin.h"

struct bpfi_object *bpfinst_object;

/* Has the emitter been set up for this translation unit?  */
static bool emitter_ready;

/* The plugin's arguments (-fplugin-arg-bpfinst-NAME[=VALUE]) set these;
   the table PLUGIN_ARGS below says which sets what.  */

/* inst=PATH: the instrumenter's BPF half (else $BPF_INST).  */
static const char *inst_path;

/* digest=HEX: the instrumenter's MD5 digest, or NULL.  */
static const char *inst_digest;

/* tags=off: no tag code even if hooks use tags.  */
static bool bpfinst_tags_off;

/* outline=auto|never|N: hook instances bigger than N statements go out of
   line; auto is 8 at -O0 and -Os, 16 otherwise.  */
#define OUTLINE_AUTO (-2)
static int bpfinst_outline = OUTLINE_AUTO;

/* switch=on|off: guard every hook with the run-time switch
   (libtag/switch.c).  Off by default: measured on zlib
   (libtag/tests/bench/run-switch-bench.sh), the guards make a light
   instrumenter (edge coverage) 36 % slower while the hooks run, a heavy
   one 2 to 5 %.  */
static bool bpfinst_switch;

/* libc=off: calls of the C library never go to libtag's wrappers.  */
static bool bpfinst_libc_off;

/* verbose: say which functions are left alone, and why.  */
static bool bpfinst_verbose;

/* stats: print what each hook instrumented, at the end.  */
static bool bpfinst_stats;

/* dump[=FLAGS]: the pass's dump, with GCC's dump FLAGS (or NULL).  */
static bool dump_requested;
static const char *bpfinst_dump_flags;

/* help: print the arguments and stop.  */
static bool help_requested;

/* Does the instrumenter define at least one hook?  */
static bool have_hooks;

/* ---------------------------------------------------------------------- */
/* Selective instrumentation: -fplugin-arg-bpfinst-allow=FILE and
   -fplugin-arg-bpfinst-deny=FILE.  Each line of FILE is blank, a comment
   (starting with '#'), or "fun: GLOB" or "src: GLOB" ("function:" and
   "source:" are accepted too); GLOB is an fnmatch(3) pattern (no flags:
   '*' also matches '/').  A "fun:" pattern matches a function whose
   source name (in C++ also the qualified name, "ns::klass::method") or
   assembler name (the mangled one, or the one asm ("...") gives) it
   matches; a "src:" pattern matches the functions whose source file
   (DECL_SOURCE_FILE: a header, for a function defined in one) or main
   input file it matches, each tested as the path as GCC has it (as
   written on the command line or in #line) and as its last component.
   With an allow list only the functions one of its lines matches are
   instrumented; the functions a line of the deny list matches are not,
   whatever the allow list says.  */

enum list_kind { LIST_FUN, LIST_SRC };

struct list_entry
{
  enum list_kind kind;
  char *glob;
};

struct inst_list
{
  const char *path;
  struct list_entry *entries;
  unsigned n, alloc;
};

static struct inst_list allow_list, deny_list;
static bool have_allow, have_deny;

/* Strip blanks (and a carriage return) from both ends of S, in place.  */

static char *
trim (char *s)
{
  while (*s == ' ' || *s == '\t')
    s++;
  size_t n = strlen (s);
  while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'
		   || s[n - 1] == '\n'))
    s[--n] = '\0';
  return s;
}

/* Read the list at PATH into L.  False, with errors naming PATH:LINE,
   when it cannot be used.  */

static bool
read_list (const char *path, struct inst_list *l)
{
  l->path = path;
  FILE *f = fopen (path, "r");
  if (f == NULL)
    {
      error ("bpfinst: %s: cannot read the instrument list: %m", path);
      return false;
    }
  bool ok = true;
  char *line = NULL;
  size_t cap = 0;
  unsigned lineno = 0;
  ssize_t len;
  while ((len = getline (&line, &cap, f)) >= 0)
    {
      lineno++;
      if (memchr (line, '\0', len) != NULL)
	{
	  error ("bpfinst: %s:%u: a NUL byte: the instrument list must be "
		 "text", path, lineno);
	  ok = false;
	  break;
	}
      char *s = trim (line);
      if (*s == '\0' || *s == '#')
	continue;
      char *colon = strchr (s, ':');
      enum list_kind kind = LIST_FUN;
      bool known = false;
      if (colon != NULL)
	{
	  *colon = '\0';
	  const char *key = trim (s);
	  if (strcmp (key, "fun") == 0 || strcmp (key, "function") == 0)
	    kind = LIST_FUN, known = true;
	  else if (strcmp (key, "src") == 0 || strcmp (key, "source") == 0)
	    kind = LIST_SRC, known = true;
	}
      if (!known)
	{
	  if (colon != NULL)
	    *colon = ':';
	  error ("bpfinst: %s:%u: %qs is not %<fun: GLOB%> or "
		 "%<src: GLOB%> (see %s)", path, lineno, s,
		 "-fplugin-arg-bpfinst-help");
	  ok = false;
	  continue;
	}
      char *glob = trim (colon + 1);
      if (*glob == '\0')
	{
	  error ("bpfinst: %s:%u: %<%s:%> without a pattern", path, lineno,
		 kind == LIST_FUN ? "fun" : "src");
	  ok = false;
	  continue;
	}
      if (l->n == l->alloc)
	{
	  l->alloc = l->alloc ? 2 * l->alloc : 16;
	  l->entries = XRESIZEVEC (struct list_entry, l->entries, l->alloc);
	}
      l->entries[l->n].kind = kind;
      l->entries[l->n].glob = xstrdup (glob);
      l->n++;
    }
  if (ferror (f))
    {
      error ("bpfinst: %s: cannot read the instrument list: %m", path);
      ok = false;
    }
  free (line);
  fclose (f);
  return ok;
}

/* Does GLOB match the file name FILE or its last component?  */

static bool
file_matches_p (const char *glob, const char *file)
{
  if (file == NULL || file[0] == '\0')
    return false;
  return (fnmatch (glob, file, 0) == 0
	  || fnmatch (glob, lbasename (file), 0) == 0);
}

/* The assembler name of DECL, less the '*' that marks a name given with
   asm ("NAME").  */

static const char *
asm_name_of (tree decl)
{
  const char *n = IDENTIFIER_POINTER (DECL_ASSEMBLER_NAME (decl));
  return n[0] == '*' ? n + 1 : n;
}

/* The entry of L that matches function DECL, or NULL.  */

static const struct list_entry *
list_match (const struct inst_list *l, tree decl)
{
  const char *name = (DECL_NAME (decl) != NULL_TREE
		      ? IDENTIFIER_POINTER (DECL_NAME (decl)) : NULL);
  /* C++: also the qualified name, "ns::klass::method".  */
  const char *qual = lang_hooks.decl_printable_name (decl, 1);
  const char *asm_name = asm_name_of (decl);
  const char *src = DECL_SOURCE_FILE (decl);
  for (unsigned i = 0; i < l->n; i++)
    {
      const struct list_entry *e = &l->entries[i];
      if (e->kind == LIST_FUN)
	{
	  if ((name != NULL && fnmatch (e->glob, name, 0) == 0)
	      || (qual != NULL && fnmatch (e->glob, qual, 0) == 0)
	      || fnmatch (e->glob, asm_name, 0) == 0)
	    return e;
	}
      else if (file_matches_p (e->glob, src)
	       || file_matches_p (e->glob, main_input_filename))
	return e;
    }
  return NULL;
}

static void
free_list (struct inst_list *l)
{
  for (unsigned i = 0; i < l->n; i++)
    free (l->entries[i].glob);
  free (l->entries);
  memset (l, 0, sizeof *l);
}

/* Does the translation unit hold an instrumenter's native half?  Then
   none of its functions is instrumented: it defines
   event_dispatch_slow_call or event_before_syscall, or it includes
   bpfinst/native.h (which declares BPFINST_NATIVE_MARKER; every
   identifier the front end has seen is in GCC's identifier table).  The
   whole unit has been parsed when the first function reaches the pass.
   WHY says what gave it away.  */

static bool
native_half_p (const char **why)
{
  if (maybe_get_identifier (BPFINST_NATIVE_MARKER_NAME) != NULL_TREE)
    {
      *why = "it includes bpfinst/native.h";
      return true;
    }
  cgraph_node *node;
  FOR_EACH_DEFINED_FUNCTION (node)
    {
      const char *n = asm_name_of (node->decl);
      if (strcmp (n, BPFINST_SLOW_CALL_NAME) == 0)
	{
	  *why = "it defines " BPFINST_SLOW_CALL_NAME;
	  return true;
	}
      if (strcmp (n, BPFINST_BEFORE_SYSCALL_NAME) == 0)
	{
	  *why = "it defines " BPFINST_BEFORE_SYSCALL_NAME;
	  return true;
	}
    }
  return false;
}

/* Is function DECL to be instrumented, as far as its attributes, the
   lists and the native-half rule say?  */

static bool
selected_p (tree decl)
{
  static int native = -1;
  if (native < 0)
    {
      const char *why = NULL;
      native = native_half_p (&why);
      if (native && bpfinst_verbose)
	inform (UNKNOWN_LOCATION, "bpfinst: %s not instrumented: %s, so it "
		"is an instrumenter%'s native half",
		main_input_filename ? main_input_filename : "<stdin>", why);
    }
  if (native)
    return false;
  if (lookup_attribute ("no_instrument_function", DECL_ATTRIBUTES (decl)))
    {
      if (bpfinst_verbose)
	inform (DECL_SOURCE_LOCATION (decl),
		"bpfinst: %qD not instrumented: it has attribute %qs",
		decl, "no_instrument_function");
      return false;
    }
  if (lookup_attribute ("naked", DECL_ATTRIBUTES (decl)))
    {
      if (bpfinst_verbose)
	inform (DECL_SOURCE_LOCATION (decl),
		"bpfinst: %qD not instrumented: it has attribute %qs",
		decl, "naked");
      return false;
    }
  if (have_deny)
    {
      const struct list_entry *e = list_match (&deny_list, decl);
      if (e != NULL)
	{
	  if (bpfinst_verbose)
	    inform (DECL_SOURCE_LOCATION (decl),
		    "bpfinst: %qD not instrumented: %s matches %<%s: %s%>",
		    decl, deny_list.path, e->kind == LIST_FUN ? "fun" : "src",
		    e->glob);
	  return false;
	}
    }
  if (have_allow && list_match (&allow_list, decl) == NULL)
    {
      if (bpfinst_verbose)
	inform (DECL_SOURCE_LOCATION (decl),
		"bpfinst: %qD not instrumented: no line of %s matches it",
		decl, allow_list.path);
      return false;
    }
  return true;
}

static const struct pass_data pass_data_bpfinst =
{
  GIMPLE_PASS,			/* type */
  "bpfinst",			/* name */
  OPTGROUP_NONE,		/* optinfo_flags */
  TV_NONE,			/* tv_id */
  PROP_ssa | PROP_cfg,		/* properties_required */
  0,				/* properties_provided */
  0,				/* properties_destroyed */
  0,				/* todo_flags_start */
  0,				/* todo_flags_finish */
};

class pass_bpfinst : public gimple_opt_pass
{
public:
  pass_bpfinst (gcc::context *ctxt)
    : gimple_opt_pass (pass_data_bpfinst, ctxt)
  {}

  opt_pass *clone () final override
  {
    return new pass_bpfinst (m_ctxt);
  }

  bool gate (function *fun) final override
  {
    tree decl = fun->decl;
    return bpfinst_object != NULL && have_hooks && selected_p (decl);
  }

  unsigned int execute (function *) final override
  {
    if (!emitter_ready)
      {
	bpfi_emit_init (bpfinst_object);
	bpfi_emit_set_outline (bpfinst_outline != OUTLINE_AUTO
			       ? bpfinst_outline
			       : !optimize || optimize_size ? 8 : 16);
	instrument_init (bpfinst_object, bpfinst_tags_off, bpfinst_switch,
			 bpfinst_libc_off);
	emitter_ready = true;
      }
    return instrument_function ();
  }
};

/* Report why loading or verifying the instrumenter at PATH failed.  */

static void
report_instrumenter_error (const char *path, const struct bpfi_error *err)
{
  if (err->func[0] != '\0' && err->insn >= 0)
    error ("bpfinst: %s: %s: instruction %ld: %s", path, err->func,
	   err->insn, err->msg);
  else if (err->func[0] != '\0')
    error ("bpfinst: %s: %s: %s", path, err->func, err->msg);
  else
    error ("bpfinst: %s: %s", path, err->msg);
}

/* Load and verify the instrumenter at PATH.  NULL (with errors reported)
   when it cannot be used.  */

static struct bpfi_object *
load_instrumenter (const char *path)
{
  struct bpfi_object *obj = NULL;
  struct bpfi_error err;
  memset (&err, 0, sizeof err);
  err.insn = -1;
  if (bpfi_object_load (path, &obj, &err) != 0)
    {
      report_instrumenter_error (path, &err);
      return NULL;
    }
  memset (&err, 0, sizeof err);
  err.insn = -1;
  if (bpfi_object_verify (obj, &err) != 0)
    {
      report_instrumenter_error (path, &err);
      bpfi_object_free (obj);
      return NULL;
    }
  return obj;
}

/* Turn on the pass's dump file.  GCC handles -fdump-* options before it
   loads plugins, so -fdump-tree-bpfinst cannot name the pass: the dump is
   requested with the plugin argument -fplugin-arg-bpfinst-dump (or
   -fplugin-arg-bpfinst-dump=FLAGS), and a -fdump-tree-all option seen
   earlier is applied again now that the pass exists.  */

static void
enable_dumps (void)
{
  gcc::dump_manager *dumps = g->get_dumps ();
  for (unsigned i = 1; i < save_decoded_options_count; i++)
    {
      const struct cl_decoded_option *opt = &save_decoded_options[i];
      if (opt->opt_index == OPT_fdump_ && opt->arg != NULL
	  && (strncmp (opt->arg, "tree-all", 8) == 0
	      || strncmp (opt->arg, "all", 3) == 0))
	dumps->dump_switch_p (opt->arg);
    }
  if (dump_requested)
    {
      char *arg = concat ("tree-bpfinst", bpfinst_dump_flags ? "-" : "",
			  bpfinst_dump_flags ? bpfinst_dump_flags : "", NULL);
      dumps->dump_switch_p (arg);
      free (arg);
    }
}

static void
bpfinst_finish (void *, void *)
{
  if (bpfinst_stats && emitter_ready && !seen_error ())
    instrument_print_stats (stderr, main_input_filename
				    ? main_input_filename : "<stdin>");
  if (bpfinst_object != NULL)
    {
      bpfi_object_free (bpfinst_object);
      bpfinst_object = NULL;
    }
  free_list (&allow_list);
  free_list (&deny_list);
}

/* -fplugin-arg-bpfinst-digest=HEX: HEX must be the MD5 digest of the
   instrumenter at PATH (a build cache keyed on the command line then
   cannot reuse an object built with another instrumenter).  */

static bool
check_digest (const char *path, const char *digest)
{
  FILE *f = fopen (path, "rb");
  if (f == NULL)
    return true;	/* The loader reports it.  */
  unsigned char sum[16];
  int rc = md5_stream (f, sum);
  fclose (f);
  if (rc != 0)
    return true;
  char hex[33];
  for (int i = 0; i < 16; i++)
    sprintf (hex + 2 * i, "%02x", sum[i]);
  if (strcasecmp (hex, digest) == 0)
    return true;
  error ("bpfinst: %s: the MD5 digest of the instrumenter is %s, not %s as "
	 "%<-fplugin-arg-bpfinst-digest%> says: it changed since the build "
	 "command was written (recompute the digest, or drop the argument)",
	 path, hex, digest);
  return false;
}

/* ---------------------------------------------------------------------- */
/* The native half (-fplugin-arg-bpfinst-native=PATH).  The specs file, not
   the compiler, puts it on the link line, as written: a relative path
   would be recorded as such in the program (an ELF shared object without
   a SONAME is needed by the name it was linked with), and the program
   could then start only from the folder it was linked in.  So the path
   must be absolute, and name an ELF shared object or an ar archive.  */

static bool
check_native (const char *path)
{
  if (!IS_ABSOLUTE_PATH (path))
    {
      char *abs = concat (getpwd (), "/", path, NULL);
      error ("bpfinst: native half %qs is a relative path: the specs file "
	     "links it as written, and the program would look for it "
	     "relative to the folder it runs in; give its absolute path, "
	     "%qs", path, abs);
      free (abs);
      return false;
    }
  struct stat st;
  if (stat (path, &st) != 0)
    {
      error ("bpfinst: native half %s: cannot read it: %m", path);
      return false;
    }
  if (!S_ISREG (st.st_mode))
    {
      error ("bpfinst: native half %s is %s, not an ELF shared object or "
	     "an ar archive", path,
	     S_ISDIR (st.st_mode) ? "a folder" : "not a regular file");
      return false;
    }
  int fd = open (path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    {
      error ("bpfinst: native half %s: cannot read it: %m", path);
      return false;
    }
  const char *what = NULL;
  elf_version (EV_CURRENT);
  Elf *elf = elf_begin (fd, ELF_C_READ, NULL);
  GElf_Ehdr eh;
  switch (elf != NULL ? elf_kind (elf) : ELF_K_NONE)
    {
    case ELF_K_AR:
      break;
    case ELF_K_ELF:
      if (gelf_getehdr (elf, &eh) == NULL)
	what = "a truncated or corrupt ELF file";
      else if (eh.e_type == ET_REL)
	what = "an ELF relocatable object (build it with -shared, or put it "
	       "in an archive)";
      else if (eh.e_type == ET_EXEC)
	what = "an ELF executable";
      else if (eh.e_type != ET_DYN)
	what = "an ELF file of another type";
      break;
    default:
      what = "neither an ELF file nor an ar archive";
      break;
    }
  if (elf != NULL)
    elf_end (elf);
  close (fd);
  if (what != NULL)
    {
      error ("bpfinst: native half %s is %s: it must be an ELF shared object "
	     "or an ar archive", path, what);
      return false;
    }
  return true;
}

/* ---------------------------------------------------------------------- */
/* The plugin's arguments: -fplugin-arg-bpfinst-NAME[=VALUE].  This table
   is the only description of them: the parser, the checks of the values
   and the text of -fplugin-arg-bpfinst-help all come from it.  */

enum arg_value
{
  ARG_NO_VALUE,		/* -fplugin-arg-bpfinst-NAME */
  ARG_VALUE,		/* -fplugin-arg-bpfinst-NAME=VALUE */
  ARG_OPTIONAL_VALUE	/* either */
};

struct plugin_arg
{
  const char *name;
  enum arg_value takes;
  /* The value: an upper-case placeholder (PATH, FILE, ...) stands for any
     non-empty value, which the handler checks; lower-case words separated
     by '|' are the only values accepted.  NULL for ARG_NO_VALUE.  */
  const char *syntax;
  /* The default, as the help shows it, or NULL.  For a choice of words it
     is also the value the handler is given before the arguments are
     read.  */
  const char *def;
  /* One line of help.  */
  const char *meaning;
  /* Act on VALUE (NULL when none was given), which already agrees with
     TAKES and SYNTAX.  False when it reported an error.  */
  bool (*handle) (const char *value);
};

static bool
arg_inst (const char *value)
{
  inst_path = value;
  return true;
}

static bool
arg_native (const char *value)
{
  return check_native (value);
}

static bool
arg_digest (const char *value)
{
  if (strlen (value) != 32 || strspn (value, "0123456789abcdefABCDEF") != 32)
    {
      error ("bpfinst: argument %<digest%> takes the MD5 digest of the "
	     "instrumenter, 32 hexadecimal digits, not %qs", value);
      return false;
    }
  inst_digest = value;
  return true;
}

static bool
arg_outline (const char *value)
{
  if (strcmp (value, "auto") == 0)
    bpfinst_outline = OUTLINE_AUTO;
  else if (strcmp (value, "never") == 0)
    bpfinst_outline = -1;
  else
    {
      char *end;
      long n = strtol (value, &end, 10);
      if (value[0] < '0' || value[0] > '9' || *end != '\0' || n > 100000)
	{
	  error ("bpfinst: argument %<outline%> takes %<auto%>, %<never%> "
		 "or a number of statements, not %qs", value);
	  return false;
	}
      bpfinst_outline = (int) n;
    }
  return true;
}

static bool
arg_tags (const char *value)
{
  bpfinst_tags_off = strcmp (value, "off") == 0;
  return true;
}

/* allow=FILE and deny=FILE.  */

static bool
arg_list (const char *name, const char *value, bool *have,
	  struct inst_list *list)
{
  if (*have)
    {
      error ("bpfinst: argument %qs given twice: put the lines of both "
	     "lists in one file", name);
      return false;
    }
  *have = true;
  return read_list (value, list);
}

static bool
arg_allow (const char *value)
{
  return arg_list ("allow", value, &have_allow, &allow_list);
}

static bool
arg_deny (const char *value)
{
  return arg_list ("deny", value, &have_deny, &deny_list);
}

static bool
arg_switch (const char *value)
{
  bpfinst_switch = strcmp (value, "on") == 0;
  return true;
}

static bool
arg_libc (const char *value)
{
  bpfinst_libc_off = strcmp (value, "off") == 0;
  return true;
}

static bool
arg_verbose (const char *)
{
  bpfinst_verbose = true;
  return true;
}

static bool
arg_stats (const char *)
{
  bpfinst_stats = true;
  return true;
}

/* dump[=FLAGS]: FLAGS are GCC's dump flags, words joined by '-' (an '='
   and a file name may follow).  GCC would only warn about an unknown one,
   without naming the plugin: check each word here.  */

static bool
arg_dump (const char *value)
{
  dump_requested = true;
  bpfinst_dump_flags = value != NULL && value[0] != '\0' ? value : NULL;
  if (bpfinst_dump_flags == NULL)
    return true;
  bool ok = true;
  const char *p = bpfinst_dump_flags;
  while (ok && *p != '\0' && *p != '=')
    {
      size_t n = strcspn (p, "-=");
      if (n > 0)
	{
	  char *word = xstrndup (p, n);
	  bool inhibit = global_dc->dc_inhibit_warnings;
	  global_dc->dc_inhibit_warnings = true;
	  dump_flags_t flags = parse_dump_option (word, NULL);
	  global_dc->dc_inhibit_warnings = inhibit;
	  if (flags & TDF_ERROR)
	    {
	      error ("bpfinst: argument %<dump%> takes GCC%'s dump flags "
		     "joined by %<-%>, as %<-fdump-tree-all-FLAGS%> does "
		     "(such as %<details-lineno%>), not %qs", word);
	      ok = false;
	    }
	  free (word);
	}
      p += n;
      if (*p == '-')
	p++;
    }
  return ok;
}

static bool
arg_help (const char *)
{
  help_requested = true;
  return true;
}

static const struct plugin_arg plugin_args[] =
{
  { "inst", ARG_VALUE, "PATH", "$BPF_INST",
    "the instrumenter's BPF half, a BPF relocatable object", arg_inst },
  { "native", ARG_VALUE, "PATH", NULL,
    "its native half (ELF shared object or ar archive) by absolute path, "
    "which the specs file links",
    arg_native },
  { "digest", ARG_VALUE, "HEX", NULL,
    "the BPF half's MD5 digest, for build caches: an error if the file's "
    "differs", arg_digest },
  { "tags", ARG_VALUE, "auto|off", "auto",
    "track tags when the hooks both set and read them, or never", arg_tags },
  { "allow", ARG_VALUE, "FILE", NULL,
    "instrument only the functions FILE selects", arg_allow },
  { "deny", ARG_VALUE, "FILE", NULL,
    "do not instrument the functions FILE selects (deny wins over allow)",
    arg_deny },
  { "outline", ARG_VALUE, "N|auto|never", "auto",
    "a hook instance bigger than N statements (auto: 8 at -O0 and -Os, 16 "
    "otherwise) becomes a call of a function made once per hook",
    arg_outline },
  { "switch", ARG_VALUE, "on|off", "off",
    "guard every hook with the run-time switch (bpfinst/control.h)",
    arg_switch },
  { "libc", ARG_VALUE, "auto|off", "auto",
    "when the instrumenter keeps tags in memory, call libtag's wrappers of "
    "the C library functions that move or derive data, or never",
    arg_libc },
  { "verbose", ARG_NO_VALUE, NULL, NULL,
    "a note for each function or file left alone, and why", arg_verbose },
  { "stats", ARG_NO_VALUE, NULL, NULL,
    "print, for each hook, how many operations it instrumented, how many "
    "of those folded to nothing and how many statements were added",
    arg_stats },
  { "dump", ARG_OPTIONAL_VALUE, "FLAGS", NULL,
    "dump the instrumented functions, as -fdump-tree-bpfinst[-FLAGS] would",
    arg_dump },
  { "help", ARG_NO_VALUE, NULL, NULL,
    "print this help and stop (nothing is compiled; exit status 1)",
    arg_help },
};

#define ARG_PREFIX "-fplugin-arg-bpfinst-"

static const char bpfinst_version[] = "GCCInst bpfinst 0.1";

/* Is SYNTAX a choice of words ("on|off")?  */

static bool
choice_p (const char *syntax)
{
  return syntax != NULL && ISLOWER (syntax[0]);
}

/* Is VALUE one of the words of choice SYNTAX?  */

static bool
choice_match_p (const char *syntax, const char *value)
{
  size_t n = strlen (value);
  for (const char *p = syntax; *p != '\0';)
    {
      size_t len = strcspn (p, "|");
      if (len == n && strncmp (p, value, n) == 0)
	return true;
      p += len;
      if (*p == '|')
	p++;
    }
  return false;
}

/* The words of choice SYNTAX, quoted and joined: "'a', 'b' or 'c'".  The
   caller frees it.  */

static char *
choice_list (const char *syntax)
{
  char *s = xstrdup ("");
  for (const char *p = syntax; *p != '\0';)
    {
      size_t len = strcspn (p, "|");
      char *word = xstrndup (p, len);
      const char *sep = s[0] == '\0' ? "" : p[len] == '\0' ? " or " : ", ";
      s = reconcat (s, s, sep, open_quote, word, close_quote, NULL);
      free (word);
      p += len;
      if (*p == '|')
	p++;
    }
  return s;
}

/* How argument A is written: -fplugin-arg-bpfinst-NAME[=VALUE].  The
   caller frees it.  */

static char *
arg_usage (const struct plugin_arg *a)
{
  switch (a->takes)
    {
    case ARG_VALUE:
      return concat (ARG_PREFIX, a->name, "=", a->syntax, NULL);
    case ARG_OPTIONAL_VALUE:
      return concat (ARG_PREFIX, a->name, "[=", a->syntax, "]", NULL);
    default:
      return concat (ARG_PREFIX, a->name, NULL);
    }
}

/* Append to TEXT the words of LINE, filled to HELP_COLUMNS columns, the
   first line starting at column COL and the others at INDENT.  Returns
   the new text (TEXT is freed).  */

#define HELP_COLUMNS 79

static char *
fill (char *text, const char *line, size_t col, size_t indent)
{
  const char *p = line;
  bool first = true;		/* the first word of an output line */
  while (*p != '\0')
    {
      size_t len = strcspn (p, " ");
      if (!first && col + 1 + len > HELP_COLUMNS)
	{
	  char *pad = XNEWVEC (char, indent + 2);
	  pad[0] = '\n';
	  memset (pad + 1, ' ', indent);
	  pad[indent + 1] = '\0';
	  text = reconcat (text, text, pad, NULL);
	  free (pad);
	  col = indent;
	}
      else if (!first)
	{
	  text = reconcat (text, text, " ", NULL);
	  col++;
	}
      char *word = xstrndup (p, len);
      text = reconcat (text, text, word, NULL);
      free (word);
      col += len;
      first = false;
      p += len;
      while (*p == ' ')
	p++;
    }
  return reconcat (text, text, "\n", NULL);
}

/* The help text, made from PLUGIN_ARGS once.  */

static const char *
help_text (void)
{
  static char *text;
  if (text != NULL)
    return text;
  size_t width = 0;
  for (size_t i = 0; i < ARRAY_SIZE (plugin_args); i++)
    {
      char *u = arg_usage (&plugin_args[i]);
      width = MAX (width, strlen (u));
      free (u);
    }
  size_t indent = 2 + width + 2;
  text = xstrdup ("");
  text = fill (text, "Inline an instrumenter's BPF hooks (inst_*) before "
	       "every integer operation, comparison, branch, conversion, "
	       "load and store.", 0, 0);
  for (size_t i = 0; i < ARRAY_SIZE (plugin_args); i++)
    {
      const struct plugin_arg *a = &plugin_args[i];
      char *u = arg_usage (a);
      char *pad = XNEWVEC (char, indent + 1);
      memset (pad, ' ', indent);
      pad[indent - strlen (u) - 2] = '\0';
      text = reconcat (text, text, "  ", u, pad, NULL);
      free (pad);
      free (u);
      char *line = concat (a->meaning, a->def ? " (default: " : "",
			   a->def ? a->def : "", a->def ? ")" : "", NULL);
      text = fill (text, line, indent, indent);
      free (line);
    }
  text = fill (text, "An allow or deny list has one entry a line: 'fun: "
	       "GLOB' (a function's source, qualified or assembler name) or "
	       "'src: GLOB' (its source file or the main input file, whole "
	       "path or last component); fnmatch(3) globs; '#' comments.",
	       0, 0);
  text = fill (text, "Functions with __attribute__((no_instrument_function)) "
	       "or naked, and the instrumenter's native half (a file that "
	       "includes bpfinst/native.h or defines event_dispatch_slow_call "
	       "or event_before_syscall), are never instrumented.", 0, 0);
  text = fill (text, "Link with -specs=bpfinst.specs.", 0, 0);
  return text;
}

/* Read the arguments ARGV[0..ARGC-1].  False when one is wrong (each
   error reported).  */

static bool
parse_args (int argc, const struct plugin_argument *argv)
{
  bool ok = true;
  for (size_t i = 0; i < ARRAY_SIZE (plugin_args); i++)
    if (choice_p (plugin_args[i].syntax) && plugin_args[i].def != NULL)
      plugin_args[i].handle (plugin_args[i].def);

  for (int i = 0; i < argc; i++)
    {
      const char *key = argv[i].key;
      const char *value = argv[i].value;
      const struct plugin_arg *a = NULL;
      for (size_t k = 0; k < ARRAY_SIZE (plugin_args); k++)
	if (strcmp (key, plugin_args[k].name) == 0)
	  a = &plugin_args[k];
      if (a == NULL)
	{
	  auto_vec<const char *> names;
	  for (size_t k = 0; k < ARRAY_SIZE (plugin_args); k++)
	    names.safe_push (plugin_args[k].name);
	  const char *hint = find_closest_string (key, &names);
	  if (hint != NULL)
	    error ("bpfinst: unknown argument %qs; did you mean %qs? (see %s)",
		   key, hint, ARG_PREFIX "help");
	  else
	    error ("bpfinst: unknown argument %qs (see %s)", key,
		   ARG_PREFIX "help");
	  ok = false;
	  continue;
	}
      char *usage = arg_usage (a);
      bool good = true;
      if (a->takes == ARG_NO_VALUE && value != NULL)
	{
	  error ("bpfinst: argument %qs takes no value: use %qs", key, usage);
	  good = false;
	}
      else if (a->takes == ARG_VALUE && (value == NULL || value[0] == '\0'))
	{
	  error ("bpfinst: argument %qs needs a value: use %qs", key, usage);
	  good = false;
	}
      else if (value != NULL && choice_p (a->syntax)
	       && !choice_match_p (a->syntax, value))
	{
	  char *words = choice_list (a->syntax);
	  error ("bpfinst: argument %qs takes %s, not %qs", key, words, value);
	  free (words);
	  good = false;
	}
      free (usage);
      if (good && !a->handle (value))
	good = false;
      ok &= good;
    }
  return ok;
}

/* ---------------------------------------------------------------------- */
/* The hooks the instrumenter defines.  A global inst_* function must be a
   hook of the contract (a misspelt one would silently instrument
   nothing), with the hook's number of parameters when BTF says how many
   it has.  Sets HAVE_HOOKS.  False when something is wrong (each error
   reported).  */

static bool
check_hooks (const char *path, struct bpfi_object *obj)
{
  bool ok = true;
  auto_vec<const char *> names;
  for (int h = 0; h < BPFI_HOOK_COUNT; h++)
    names.safe_push (bpfi_hook_descs[h].name);
  have_hooks = false;
  for (size_t i = 0; i < obj->nfuncs; i++)
    {
      const struct bpfi_func *f = &obj->funcs[i];
      if (!f->global || strncmp (f->name, "inst_", 5) != 0)
	continue;
      int h = 0;
      while (h < BPFI_HOOK_COUNT && strcmp (f->name, names[h]) != 0)
	h++;
      if (h == BPFI_HOOK_COUNT)
	{
	  const char *hint = find_closest_string (f->name, &names);
	  if (hint != NULL)
	    error ("bpfinst: %s: %qs is not a hook; did you mean %qs?", path,
		   f->name, hint);
	  else
	    error ("bpfinst: %s: %qs is not a hook (bpfinst(7) lists them); "
		   "only hooks may be global functions named %<inst_*%>",
		   path, f->name);
	  ok = false;
	  continue;
	}
      have_hooks = true;
      unsigned want = bpfi_hook_descs[h].nargs;
      if (f->nargs >= 0 && (unsigned) f->nargs != want)
	{
	  error ("bpfinst: %s: %s takes %d argument%s; the hook has %u", path,
		 f->name, f->nargs, f->nargs == 1 ? "" : "s", want);
	  ok = false;
	}
    }
  if (ok && !have_hooks && bpfinst_verbose)
    inform (UNKNOWN_LOCATION, "bpfinst: %s defines no hook: nothing is "
	    "instrumented", path);
  return ok;
}

/* ---------------------------------------------------------------------- */
/* A link without -specs=bpfinst.specs lacks the runtime archive, and
   every object compiled here would add undefined __bpfinst_* symbols to
   the linker's complaints.  So that the first of them says what is
   missing, each such object references BPFINST_SPECS_MARKER_NAME
   (bpfinst-abi.h), which the runtime archive defines, with a relocation
   that does nothing
   (BFD_RELOC_NONE, which every GAS target knows) at offset 0 of .text:
   .text is the first section of every object GAS writes, and linkers
   report undefined symbols in the order of the objects, their sections
   and the relocations in each.  */

static void
reference_specs_marker (void *, void *)
{
  if (asm_out_file == NULL)
    return;
  fprintf (asm_out_file, "\t.pushsection .text\n"
	   "\t.reloc 0, BFD_RELOC_NONE, \"%s\"\n"
	   "\t.popsection\n", BPFINST_SPECS_MARKER_NAME);
}

void
plugin_register_pass (const char *plugin_name, opt_pass *pass,
		      const char *reference, enum pass_positioning_ops pos)
{
  struct register_pass_info info;
  info.pass = pass;
  info.reference_pass_name = reference;
  info.ref_pass_instance_number = 1;
  info.pos_op = pos;
  register_callback (plugin_name, PLUGIN_PASS_MANAGER_SETUP, NULL, &info);
}

/* The plugin proper, called by the loader (loader.cc) once it has
   checked that the GCC loading it is the one it was built for.  */

extern "C" int
bpfinst_core_init (struct plugin_name_args *plugin_info,
		   struct plugin_gcc_version *)
{
  const char *name = plugin_info->base_name;

  static struct plugin_info info = { bpfinst_version, NULL };
  info.help = help_text ();
  register_callback (name, PLUGIN_INFO, NULL, &info);

  bool args_ok = parse_args (plugin_info->argc, plugin_info->argv);
  if (help_requested)
    {
      /* Like GCC's --help: print, and compile nothing.  A plugin cannot
	 end the compilation with success (the driver would go on to
	 assemble and link files that were never written), so the status
	 is 1, with no error message.  */
      fprintf (stdout, "%s\n%s", bpfinst_version, help_text ());
      fflush (stdout);
      exit (FATAL_EXIT_CODE);
    }
  if (!args_ok)
    return 0;

  const char *path = inst_path;
  if (path == NULL)
    {
      path = getenv ("BPF_INST");
      if (path != NULL && path[0] == '\0')
	path = NULL;
    }
  if (path == NULL)
    {
      error ("bpfinst: no instrumenter: use %s or set %s",
	     ARG_PREFIX "inst=PATH", "BPF_INST");
      return 0;
    }

  if (inst_digest != NULL && !check_digest (path, inst_digest))
    return 0;

  bpfinst_object = load_instrumenter (path);
  if (bpfinst_object == NULL)
    return 0;
  if (!check_hooks (path, bpfinst_object))
    {
      bpfi_object_free (bpfinst_object);
      bpfinst_object = NULL;
      return 0;
    }

  plugin_register_pass (name, new pass_bpfinst (g), "ssa",
			PASS_POS_INSERT_AFTER);
  sites_register (name);
  enable_dumps ();
  register_callback (name, PLUGIN_START_UNIT, reference_specs_marker, NULL);
  register_callback (name, PLUGIN_FINISH, bpfinst_finish, NULL);
  return 0;
}
