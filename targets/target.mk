# target.mk - GCCInst for one target GCC (GNU make).
#
# Run by targets/Makefile in targets/TRIPLET/ with:
#   TRIPLET                    the target (TARGET_GCC -dumpmachine)
#   TARGET_GCC                 the target's GCC (builds the runtime)
#   TARGET_PLUGIN_INCLUDE      its plugin headers (PROG -print-file-name=plugin)/include
#   TARGET_KIND                linux, or bare (bare metal)
#   TARGET_AR                  its archiver
#   TARGET_PLUGIN_INSTALL_DIR  where make install puts the plugin
#   TARGET_LIB_INSTALL_DIR     where make install puts the specs file and
#                              the archive (on TARGET_GCC's -specs= path)
#                              (each empty: only PKGLIBDIR/TRIPLET)
# and the main build's compilers and flags (top_srcdir, CC, CXX,
# PLUGIN_CXXFLAGS, LIBBPF_*, LIBELF_*, pkglibdir, DESTDIR, ...).
#
# Goals: all (bpfinst.so, bpfinst-core.so, libbpfinst-rt.a, bpfinst.specs),
# install, uninstall.

# The runtime archive's members: the whole runtime on Linux, only the
# address translation, the tag slots, the switch and the maps on bare
# metal (no C library signals, threads or system calls there; the maps
# take no lock).  Keep in step with libbpfinst_rt_a_SOURCES in
# libtag/Makefile.am.
LINUX_RT_SOURCES = runtime.c tag-slots.c tag-signals.c syscall.c \
	syscall-tramp.c tagstore.c switch.c maps.c libc-wrap.c libc-string.c \
	libc-stdio.c libc-format.c
BARE_METAL_RT_SOURCES = runtime.c tag-slots.c switch.c maps.c

ifeq ($(TARGET_KIND),bare)
RT_SOURCES = $(BARE_METAL_RT_SOURCES)
TARGET_DEFS = -DBPFINST_BARE_METAL
RT_CFLAGS = -O2 -g -Wall -Wextra
else
RT_SOURCES = $(LINUX_RT_SOURCES)
TARGET_DEFS =
RT_CFLAGS = -O2 -g -fPIC -Wall -Wextra
endif

# The plugin, as in gcc-plugin/Makefile.am: bpfinst.so, the small file GCC
# loads (gcc-plugin/loader.cc: it checks the GCC, then loads the plugin
# proper from its own folder), and bpfinst-core.so, the plugin proper: the
# pass and the emitter, against this GCC's headers, and the BPF object
# loader (plain C, the same for every target).
STUB_SOURCE = $(top_srcdir)/gcc-plugin/loader.cc
PLUGIN_SOURCES = $(filter-out $(STUB_SOURCE), \
	$(wildcard $(top_srcdir)/gcc-plugin/*.cc)) \
	$(wildcard $(top_srcdir)/bpf2gimple/*.cc)
BPFPROG_SOURCES = $(wildcard $(top_srcdir)/bpf2gimple/*.c)

PLUGIN_OBJS = $(patsubst %.cc,plugin/%.o,$(notdir $(PLUGIN_SOURCES)))
BPFPROG_OBJS = $(patsubst %.c,bpfprog/%.o,$(notdir $(BPFPROG_SOURCES)))
RT_OBJS = $(patsubst %.c,rt/%.o,$(RT_SOURCES))

PLUGIN_CPPFLAGS_T = -I$(TARGET_PLUGIN_INCLUDE) -I$(top_srcdir)/bpf2gimple \
	-I$(top_srcdir)/libtag -I$(top_srcdir)/spec/include \
	$(LIBBPF_CFLAGS) $(LIBELF_CFLAGS) $(TARGET_DEFS)

ifeq ($(V),1)
Q =
say = :
else
Q = @
say = echo
endif

vpath %.cc $(top_srcdir)/gcc-plugin $(top_srcdir)/bpf2gimple
vpath %.c $(top_srcdir)/bpf2gimple

all: bpfinst.so bpfinst-core.so libbpfinst-rt.a bpfinst.specs

plugin/%.o: %.cc
	@mkdir -p plugin
	@$(say) "  CXX      $(TRIPLET)/$@"
	$(Q)$(CXX) $(PLUGIN_CPPFLAGS_T) $(CXXFLAGS) $(PLUGIN_CXXFLAGS) -Wall \
	  -MMD -MP -c $< -o $@

bpfprog/%.o: %.c
	@mkdir -p bpfprog
	@$(say) "  CC       $(TRIPLET)/$@"
	$(Q)$(CC) -D_DEFAULT_SOURCE $(LIBBPF_CFLAGS) $(LIBELF_CFLAGS) \
	  $(CFLAGS) -std=c11 -fPIC -Wall -MMD -MP -c $< -o $@

rt/%.o: $(top_srcdir)/libtag/%.c
	@mkdir -p rt
	@$(say) "  CC       $(TRIPLET)/$@"
	$(Q)$(TARGET_GCC) -I$(top_srcdir)/spec/include $(TARGET_DEFS) \
	  $(RT_CFLAGS) -MMD -MP -c $< -o $@

bpfinst.so: plugin/loader.o
	@$(say) "  CXXLD    $(TRIPLET)/$@"
	$(Q)$(CXX) -shared -o $@ plugin/loader.o -ldl

bpfinst-core.so: $(PLUGIN_OBJS) $(BPFPROG_OBJS)
	@$(say) "  CXXLD    $(TRIPLET)/$@"
	$(Q)$(CXX) -shared -o $@ $(PLUGIN_OBJS) $(BPFPROG_OBJS) \
	  $(LIBBPF_LIBS) $(LIBELF_LIBS)

libbpfinst-rt.a: $(RT_OBJS)
	@$(say) "  AR       $(TRIPLET)/$@"
	$(Q)rm -f $@ && $(TARGET_AR) crD $@ $(RT_OBJS)

# The build tree's specs file names the archive here; the installed ones
# name the installed archives.  Bare metal has no system-call
# interception to pull in.
ifeq ($(TARGET_KIND),bare)
SPECS_EDIT = -e 's|%{!shared:-u __bpfinst_syscall_init} ||'
else
SPECS_EDIT =
endif
specs_rule = $(SED) -e 's|@BPFINST_RTLIB@|$(1)|g' $(SPECS_EDIT) \
	$(top_srcdir)/libtag/bpfinst.specs.in > $@.tmp && mv $@.tmp $@

bpfinst.specs: $(top_srcdir)/libtag/bpfinst.specs.in
	@$(say) "  GEN      $(TRIPLET)/$@"
	$(Q)$(call specs_rule,$(CURDIR)/libbpfinst-rt.a)

bpfinst.specs.gcc: $(top_srcdir)/libtag/bpfinst.specs.in
	$(Q)$(call specs_rule,$(TARGET_LIB_INSTALL_DIR)/libbpfinst-rt.a)

bpfinst.specs.pkglib: $(top_srcdir)/libtag/bpfinst.specs.in
	$(Q)$(call specs_rule,$(pkglibdir)/$(TRIPLET)/libbpfinst-rt.a)

# Into the target GCC's own folders (so that PROG -fplugin=bpfinst
# -specs=bpfinst.specs finds them), unless configure was told not to, and
# a copy in PKGLIBDIR/TRIPLET.
install: all bpfinst.specs.gcc bpfinst.specs.pkglib
ifneq ($(TARGET_PLUGIN_INSTALL_DIR),)
	$(MKDIR_P) '$(DESTDIR)$(TARGET_PLUGIN_INSTALL_DIR)'
	$(INSTALL_PROGRAM) bpfinst.so '$(DESTDIR)$(TARGET_PLUGIN_INSTALL_DIR)/bpfinst.so'
	$(INSTALL_PROGRAM) bpfinst-core.so '$(DESTDIR)$(TARGET_PLUGIN_INSTALL_DIR)/bpfinst-core.so'
endif
ifneq ($(TARGET_LIB_INSTALL_DIR),)
	$(MKDIR_P) '$(DESTDIR)$(TARGET_LIB_INSTALL_DIR)'
	$(INSTALL_DATA) libbpfinst-rt.a '$(DESTDIR)$(TARGET_LIB_INSTALL_DIR)/libbpfinst-rt.a'
	$(INSTALL_DATA) bpfinst.specs.gcc '$(DESTDIR)$(TARGET_LIB_INSTALL_DIR)/bpfinst.specs'
endif
	$(MKDIR_P) '$(DESTDIR)$(pkglibdir)/$(TRIPLET)'
	$(INSTALL_PROGRAM) bpfinst.so '$(DESTDIR)$(pkglibdir)/$(TRIPLET)/bpfinst.so'
	$(INSTALL_PROGRAM) bpfinst-core.so '$(DESTDIR)$(pkglibdir)/$(TRIPLET)/bpfinst-core.so'
	$(INSTALL_DATA) libbpfinst-rt.a '$(DESTDIR)$(pkglibdir)/$(TRIPLET)/libbpfinst-rt.a'
	$(INSTALL_DATA) bpfinst.specs.pkglib '$(DESTDIR)$(pkglibdir)/$(TRIPLET)/bpfinst.specs'

uninstall:
ifneq ($(TARGET_PLUGIN_INSTALL_DIR),)
	rm -f '$(DESTDIR)$(TARGET_PLUGIN_INSTALL_DIR)/bpfinst.so' \
	  '$(DESTDIR)$(TARGET_PLUGIN_INSTALL_DIR)/bpfinst-core.so'
endif
ifneq ($(TARGET_LIB_INSTALL_DIR),)
	rm -f '$(DESTDIR)$(TARGET_LIB_INSTALL_DIR)/libbpfinst-rt.a' \
	  '$(DESTDIR)$(TARGET_LIB_INSTALL_DIR)/bpfinst.specs'
endif
	rm -f '$(DESTDIR)$(pkglibdir)/$(TRIPLET)/bpfinst-core.so' \
	  '$(DESTDIR)$(pkglibdir)/$(TRIPLET)/bpfinst.so' \
	  '$(DESTDIR)$(pkglibdir)/$(TRIPLET)/libbpfinst-rt.a' \
	  '$(DESTDIR)$(pkglibdir)/$(TRIPLET)/bpfinst.specs'
	-rmdir '$(DESTDIR)$(pkglibdir)/$(TRIPLET)'

# The installed specs files are made at install time, for the prefix of
# that make install.
.PHONY: all install uninstall bpfinst.specs.gcc bpfinst.specs.pkglib

-include $(PLUGIN_OBJS:.o=.d) plugin/loader.d $(BPFPROG_OBJS:.o=.d) \
	$(RT_OBJS:.o=.d)
