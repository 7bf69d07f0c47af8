#!/usr/bin/env bash
# Runs a command in a clean room: a fresh, minimal Debian 12 (bookworm) root made with
# mmdebstrap, holding nothing but Debian's minbase and a clone of this checkout's current
# commit (at /root/trhealth, the command's working directory). It shows what a newcomer's
# freshly installed machine does with the command: a package that the project's scripts
# forget to install is missing there, whatever this machine has.
#
#   tools/cleanroom.sh [--in FILE]... [--out DIR] [--refresh] [--] COMMAND
#
#   COMMAND      a bash command line, run as root in the room, e.g. 'tools/test.sh --quick'
#   --in FILE    copy FILE into the room's /root/in/ before the command runs (repeatable)
#   --out DIR    after the command, copy what it left in the room's /root/out/ to DIR
#   --refresh    build the cached root tarball again
#
# The minbase root is built once and cached as build/cleanroom/bookworm-minbase.tar (rebuilt
# when older than 7 days); every run unpacks a new copy of it in $TMPDIR (default /var/tmp),
# outside the checkout. The room gets /proc, /sys (read-only) and /dev mounted, and
# /etc/hosts and /etc/resolv.conf as an installed system has them; apt uses this machine's
# Debian sources. Everything is unmounted and removed afterwards, also when the command fails
# or the script is interrupted; the removal never crosses a mount. Uncommitted changes are
# not in the room: commit first.
#
# Exit status: the command's, or 2 for a usage or set-up error. Needs root and mmdebstrap
# (installed from Debian's packages when missing).
set -euo pipefail

usage() {
    sed -n '9,14p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

inputs=()
outdir=""
refresh=0
while [ $# -gt 0 ]; do
    case "$1" in
    --in) [ $# -ge 2 ] || usage; inputs+=("$(realpath -e "$2")"); shift 2 ;;
    --out) [ $# -ge 2 ] || usage; outdir=$2; shift 2 ;;
    --refresh) refresh=1; shift ;;
    --) shift; break ;;
    -*) usage ;;
    *) break ;;
    esac
done
[ $# -ge 1 ] || usage
command_line="$*"

if [ "$(id -u)" -ne 0 ]; then
    echo "cleanroom: needs root (chroot and mounts)" >&2
    exit 2
fi
repo=$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)
commit=$(git -C "$repo" rev-parse HEAD)
if [ -n "$(git -C "$repo" status --porcelain --untracked-files=no)" ]; then
    echo "cleanroom: note: uncommitted changes are not in the room (it runs ${commit:0:12})" >&2
fi

if ! command -v mmdebstrap >/dev/null; then
    echo "cleanroom: installing mmdebstrap" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mmdebstrap >/dev/null
fi

state="$repo/build/cleanroom"
mkdir -p "$state"
base="$state/bookworm-minbase.tar"

# This machine's Debian sources, given to mmdebstrap as they are (a deb822 file or a .list).
sources=""
for f in /etc/apt/sources.list.d/debian.sources /etc/apt/sources.list; do
    if [ -s "$f" ] && grep -qE '^[^#]*(URIs:|deb )' "$f"; then
        sources=$f
        break
    fi
done
if [ -z "$sources" ]; then
    echo "cleanroom: found no Debian apt sources on this machine" >&2
    exit 2
fi

if [ "$refresh" -eq 1 ] || [ ! -s "$base" ] || [ -n "$(find "$base" -mtime +7)" ]; then
    echo "cleanroom: building the Debian 12 minbase root (cached in ${base#"$repo"/})" >&2
    rm -f "$base.part"
    if ! mmdebstrap --quiet --variant=minbase --format=tar bookworm "$base.part" "$sources"; then
        rm -f "$base.part"
        echo "cleanroom: mmdebstrap failed" >&2
        exit 2
    fi
    mv "$base.part" "$base"
fi

# The room lives outside the checkout, so that nothing that searches the tree walks into its
# mounted /proc and /dev.
room=$(mktemp -d "${TMPDIR:-/var/tmp}/trhealth-cleanroom.XXXXXX")
child=""

# Mount points at or below the room, deepest first (mountinfo's 5th field, octal escapes for
# spaces and the like are left as they are: the room's own path has none).
mounts_in_room() {
    awk -v r="$room" '$5 == r || index($5, r "/") == 1 { print $5 }' /proc/self/mountinfo |
        sort -r
}

cleanup() {
    local status=$?
    trap '' INT TERM
    if [ -n "$child" ]; then
        kill -TERM "$child" 2>/dev/null || true
    fi
    # Every process still running inside the room (its root is the room).
    local pid root tries
    for tries in 1 2 3 4 5; do
        local left=0
        for pid in /proc/[0-9]*; do
            root=$(readlink "$pid/root" 2>/dev/null) || continue
            if [ "$root" = "$room" ]; then
                kill -KILL "${pid#/proc/}" 2>/dev/null || true
                left=1
            fi
        done
        [ "$left" -eq 0 ] && break
        sleep 0.5
    done
    local m
    for tries in 1 2 3; do
        for m in $(mounts_in_room); do
            umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true
        done
        [ -z "$(mounts_in_room)" ] && break
        sleep 1
    done
    if [ -n "$(mounts_in_room)" ]; then
        echo "cleanroom: could not unmount everything in $room; left it in place:" >&2
        mounts_in_room >&2
        exit 2
    fi
    rm -rf --one-file-system "$room"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

echo "cleanroom: unpacking a fresh root in $room" >&2
tar -C "$room" --same-owner --numeric-owner -xf "$base"

# /etc/hosts and /etc/resolv.conf as an installed Debian system has them.
cat >"$room/etc/hosts" <<'EOF'
127.0.0.1	localhost
127.0.1.1	cleanroom

# The following lines are desirable for IPv6 capable hosts
::1	localhost ip6-localhost ip6-loopback
ff02::1	ip6-allnodes
ff02::2	ip6-allrouters
EOF
echo cleanroom >"$room/etc/hostname"
rm -f "$room/etc/resolv.conf"
cp /etc/resolv.conf "$room/etc/resolv.conf"

mount -t proc proc "$room/proc"
mount -t sysfs -o ro sysfs "$room/sys" 2>/dev/null || true
mount --bind /dev "$room/dev"
mount -t tmpfs -o mode=1777,nosuid,nodev tmpfs "$room/dev/shm" 2>/dev/null || true
mount -t devpts -o newinstance,ptmxmode=0666,mode=620 devpts "$room/dev/pts" 2>/dev/null || true

git clone --quiet --no-local --no-checkout "$repo" "$room/root/trhealth"
git -C "$room/root/trhealth" checkout --quiet --detach "$commit"
if [ ${#inputs[@]} -gt 0 ]; then
    mkdir -p "$room/root/in"
    cp -- "${inputs[@]}" "$room/root/in/"
fi
mkdir -p "$room/root/out"

echo "cleanroom: running in a fresh Debian 12 root at ${commit:0:12}: $command_line" >&2
# A login's environment, and nothing of this machine's but CI and the terminal type.
env -i HOME=/root USER=root LOGNAME=root SHELL=/bin/bash TERM="${TERM:-dumb}" \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin ${CI:+CI="$CI"} \
    chroot "$room" /bin/bash -c 'cd /root/trhealth && eval "$1"' cleanroom "$command_line" &
child=$!
status=0
wait "$child" || status=$?
child=""

if [ -n "$outdir" ]; then
    mkdir -p "$outdir"
    cp -r -- "$room/root/out/." "$outdir/"
fi
exit "$status"
