# toolchain.tcl - commands shared by the .exp files of bpfinst.dg that test
# the user-facing tool chain (ccache.exp, cxx.exp, distcc.exp,
# install.exp, libbpf-idioms.exp, shlib-tags.exp, wrapper.exp).  Sourced
# by them.

# The build tree's wrapper: bpfinst-gcc (LANG c) or bpfinst-g++ (LANG
# c++); "" when it is not built.
proc toolchain_wrapper { {lang c} } {
    global bpfinst_builddir
    set name [expr {$lang eq "c++" ? "bpfinst-g++" : "bpfinst-gcc"}]
    set w [file join $bpfinst_builddir bpfinst-bin $name]
    if { [file executable $w] } { return $w }
    return ""
}

# Why the tests cannot run ("" when they can): the engine, the wrapper
# and a BPF compiler are needed.
proc toolchain_missing { } {
    set why [bpfinst_engine_missing]
    if { $why ne "" } { return $why }
    if { [toolchain_wrapper] eq "" } {
	return "bpfinst-bin/bpfinst-gcc is not built"
    }
    return ""
}

# Report every name in NAMES as unresolved (KIND unresolved) or
# unsupported with reason WHY.
proc toolchain_skip { kind names why } {
    foreach t $names { $kind "$t: $why" }
}

# Do files A and B have the same bytes?
proc toolchain_same { a b } {
    return [expr {[bpfinst_read_binary $a] eq [bpfinst_read_binary $b]}]
}

# Run CMD (a list) in DIR; on failure log its output with WHAT and
# return 0, else 1.
proc toolchain_ok { what cmd dir {envlist {}} } {
    set r [bpfinst_run $cmd -dir $dir -env $envlist]
    if { [lindex $r 0] != 0 } {
	bpfinst_log "$what: exit status [lindex $r 0]\n[lindex $r 1]"
	return 0
    }
    return 1
}
