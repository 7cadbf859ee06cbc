#!/usr/bin/env bash
# The shop image's base: Debian bookworm (debootstrap --variant=minbase) with Debian's openjdk-17-jre-headless and
# the user 185 the pods run as, written as a docker-archive tar that Jib reads (quarkus.jib.base-jvm-image=tar://…).
# The release workflow runs this script before the Jib build, and ProductionImageTest runs the same script, so the
# image proven in the test is the image released. Needs root, debootstrap and podman.
#
#   src/main/docker/base-image.sh target/mir-shop-base.tar
#
# The Debian mirror is the machine's own (/etc/apt/sources.list.d/debian.sources) where there is one, else
# deb.debian.org; security updates come from the matching debian-security archive.
set -euo pipefail

out=${1:?usage: base-image.sh OUTPUT.tar}
suite=bookworm
mirror=http://deb.debian.org/debian
security=http://deb.debian.org/debian-security
if [ -r /etc/apt/sources.list.d/debian.sources ]; then
  uris=$(awk '/^URIs:/ {print $2}' /etc/apt/sources.list.d/debian.sources)
  mirror=$(printf '%s\n' $uris | grep -v -- '-security' | head -n1 || true)
  security=$(printf '%s\n' $uris | grep -- '-security' | head -n1 || true)
  mirror=${mirror:-http://deb.debian.org/debian}
  security=${security:-http://deb.debian.org/debian-security}
fi
keyring=/usr/share/keyrings/debian-archive-keyring.gpg

work=$(mktemp -d "${TMPDIR:-/tmp}/mir-shop-base.XXXXXX")
rootfs=$work/rootfs
cleanup() {
  if mountpoint -q "$rootfs/proc"; then umount "$rootfs/proc"; fi
  rm -rf "$work"
}
trap cleanup EXIT

keyring_args=()
if [ -r "$keyring" ]; then keyring_args=(--keyring "$keyring"); fi
debootstrap --variant=minbase "${keyring_args[@]}" "$suite" "$rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 \
  || { tail -n 50 "$work/debootstrap.log"; exit 1; }

cat >"$rootfs/etc/apt/sources.list" <<SOURCES
deb $mirror $suite main
deb $mirror $suite-updates main
deb $security $suite-security main
SOURCES
cp /etc/resolv.conf "$rootfs/etc/resolv.conf"
mount -t proc proc "$rootfs/proc"
chroot "$rootfs" /bin/sh -ec '
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get upgrade -y -qq
  apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless
  apt-get clean
  groupadd --gid 185 jboss
  useradd --uid 185 --gid 185 --home-dir /home/jboss --create-home --shell /usr/sbin/nologin jboss
' >"$work/install.log" 2>&1 || { tail -n 50 "$work/install.log"; exit 1; }
umount "$rootfs/proc"
rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/log/* "$rootfs"/tmp/* \
  "$rootfs/etc/resolv.conf" "$rootfs/etc/machine-id"
: >"$rootfs/etc/resolv.conf"

java_home=$(dirname "$(dirname "$(readlink -f "$rootfs/usr/bin/java")")")
java_home=${java_home#"$rootfs"}
tag="localhost/mir-shop-base:build-$$"
tar --numeric-owner -C "$rootfs" -c . | podman import \
  --change "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
  --change "ENV JAVA_HOME=$java_home" \
  --change "ENV LANG=C.UTF-8" \
  --change "USER 185" \
  - "$tag" >/dev/null 2>&1
mkdir -p "$(dirname "$out")"
rm -f "$out"
podman save --quiet --format docker-archive -o "$out" "$tag"
podman rmi "$tag" >/dev/null
echo "base image written to $out (Debian $suite, $(chroot "$rootfs" dpkg-query -W -f '${Version}' openjdk-17-jre-headless 2>/dev/null || echo openjdk-17))"
