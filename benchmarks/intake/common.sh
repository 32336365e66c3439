# What the intake benchmarks (one.sh, ab.sh, run.sh) share; sourced from the project root.
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGDATABASE=${PGDATABASE:-test}
export PGUSER=${PGUSER:-postgres} PGPASSWORD=${PGPASSWORD:-postgres}
LUA=$PWD/benchmarks/intake/intake.lua
MICRO=$PWD/target/runtime/payara-micro.jar
DRIVER=$PWD/target/runtime/postgresql.jar
LIBS=$PWD/target/runtime/lib   # the WAR's libraries, which it leaves out
if ! command -v wrk >/dev/null; then
    echo "installing wrk (Debian package)"
    apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
fi

# CPU ticks (1/100 s) used so far by the JIT compiler threads of process $1
jit_ticks() {
    local s=0 t
    for t in /proc/"$1"/task/*; do
        case $(cat "$t/comm" 2>/dev/null) in
        C1* | C2*) s=$((s + $(awk '{ print $14 + $15 }' "$t/stat" 2>/dev/null || echo 0))) ;;
        esac
    done
    echo "$s"
}

# The post-boot commands for WAR $1: A.asadmin beside A.war (a server setting measured with one
# WAR), else the project's own
postboot_for() {
    local own=${1%.war}.asadmin
    if [[ -f $own ]]; then echo "$own"; else echo src/main/payara/post-boot-commands.asadmin; fi
}

# The server libraries for WAR $1: the driver and target/runtime/lib for a WAR without its
# libraries (since b125810); the driver alone for an older WAR that carries them in WEB-INF/lib
libs_for() {
    if unzip -l "$1" 2>/dev/null | grep -q 'WEB-INF/lib/camel-'; then echo "$DRIVER"; else echo "$DRIVER:$LIBS"; fi
}
