/* loader.cc - bpfinst.so, the file GCC loads with -fplugin=bpfinst.

   A GCC plugin works only in the GCC it was built against: the layout of
   GCC's internal structures, and even the names of its functions, differ
   between versions and between targets (a plugin built for x86-64's cc1
   does not even resolve its symbols in aarch64's).  This small loader uses
   nothing of GCC's but the version check and the diagnostics, which are
   the same in every GCC 12: it checks that the GCC loading it is the one
   it was built for, says which GCC to build for when it is not, and only
   then loads the plugin proper, bpfinst-core.so, from its own folder.  */

#include "gcc-plugin.h"
#include "plugin-version.h"
#include "diagnostic-core.h"

#include <dlfcn.h>

int plugin_is_GPL_compatible;

/* The target triplet in GCC's configure arguments ARGS (its --target=,
   else its --host=), in a buffer of SIZE bytes; "unknown target" when
   neither is there.  */

static const char *
gcc_target_of (const char *args, char *buf, size_t size)
{
  static const char *const keys[] = { "--target=", "--host=" };
  for (unsigned k = 0; k < 2; k++)
    {
      const char *p = args ? strstr (args, keys[k]) : NULL;
      if (p == NULL)
	continue;
      p += strlen (keys[k]);
      size_t n = strcspn (p, " \t'\"");
      if (n == 0 || n >= size)
	continue;
      memcpy (buf, p, n);
      buf[n] = '\0';
      return buf;
    }
  return "unknown target";
}

/* The GCC loading the plugin (VERSION) is not the one the plugin was built
   against (gcc_version, from plugin-version.h): name both, and say how to
   build the plugin for the loading one.  */

static void
report_foreign_gcc (const struct plugin_gcc_version *version)
{
  char built_target[128], loading_target[128];
  const char *built = gcc_target_of (gcc_version.configuration_arguments,
				     built_target, sizeof built_target);
  const char *loading = gcc_target_of (version->configuration_arguments,
				       loading_target, sizeof loading_target);
  const char *what;
  if (strcmp (version->basever, gcc_version.basever) != 0)
    what = "another version";
  else if (strcmp (built, loading) != 0)
    what = "another target";
  else
    what = "another build";
  error ("bpfinst: this plugin was built for GCC %s for %s (%s %s), but it "
	 "is loaded by GCC %s for %s (%s %s), %s: GCC refuses plugins built "
	 "for another compiler",
	 gcc_version.basever, built, gcc_version.datestamp,
	 gcc_version.devphase[0] ? gcc_version.devphase : "release",
	 version->basever, loading, version->datestamp,
	 version->devphase[0] ? version->devphase : "release", what);
  inform (UNKNOWN_LOCATION,
	  "bpfinst: build GCCInst for this compiler with %<./configure "
	  "--with-target-gcc=%s-gcc%> (the name of the compiler) and use the "
	  "plugin built for it (installed in the %<-print-file-name=plugin%> "
	  "folder of that compiler, or %<targets/%s/bpfinst.so%> in the build "
	  "tree)", loading, loading);
}

typedef int (*core_init_fn) (struct plugin_name_args *,
			     struct plugin_gcc_version *);

int
plugin_init (struct plugin_name_args *plugin_info,
	     struct plugin_gcc_version *version)
{
  if (!plugin_default_version_check (version, &gcc_version))
    {
      report_foreign_gcc (version);
      return 1;
    }

  /* The plugin proper sits next to this file.  */
  const char *self = plugin_info->full_name;
  const char *slash = strrchr (self, '/');
  size_t dirlen = slash ? (size_t) (slash - self + 1) : 0;
  static const char core_name[] = "bpfinst-core.so";
  char *core = XNEWVEC (char, dirlen + sizeof core_name);
  memcpy (core, self, dirlen);
  memcpy (core + dirlen, core_name, sizeof core_name);

  void *handle = dlopen (core, RTLD_NOW | RTLD_GLOBAL);
  if (handle == NULL)
    {
      error ("bpfinst: cannot load the plugin proper %s: %s", core,
	     dlerror ());
      XDELETEVEC (core);
      return 1;
    }
  core_init_fn init = (core_init_fn) dlsym (handle, "bpfinst_core_init");
  if (init == NULL)
    {
      error ("bpfinst: %s has no %<bpfinst_core_init%>: it is not "
	     "the plugin proper of GCCInst", core);
      XDELETEVEC (core);
      return 1;
    }
  XDELETEVEC (core);
  return init (plugin_info, version);
}
