# Sourced by mvnw and openekyc: exports JAVA_HOME as a JDK >= 21.

java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'
}

select_jdk() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/javac" ]] && (( $(java_major "$JAVA_HOME") >= 21 )); then
    return
  fi
  local candidate best="" best_major=0 major
  for candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/*; do
    [[ -x "$candidate/bin/javac" ]] || continue
    major=$(java_major "$candidate")
    if [[ -n "$major" ]] && (( major >= 21 && major > best_major )); then
      best="$candidate"; best_major=$major
    fi
  done
  if [[ -z "$best" ]]; then
    echo "mvnw: no JDK >= 21 found; install one and set JAVA_HOME" >&2
    exit 1
  fi
  export JAVA_HOME="$best"
}
