#!/usr/bin/env bash
# swift-aio.sh — a throw-away OpenStack Swift "all-in-one" on loopback for the live storage tests.
#
# Debian 12 packages (swift 2.30.1, memcached 1.6). One process each of memcached (tempauth keeps its tokens
# there: no memcached, no v1 auth), the account, container and object servers, the proxy and a container-updater
# loop; one "device" (1 replica, part power 6). ~310 MiB RSS in all (~60 MiB per Python server). The proxy
# speaks both APIs:
#
#   Swift v1:  GET http://127.0.0.1:18080/auth/v1.0   X-Auth-User: test:tester   X-Auth-Key: testing
#              -> X-Storage-Url http://127.0.0.1:18080/v1/AUTH_test, X-Auth-Token AUTH_tk…
#   S3:        http://127.0.0.1:18080 (path-style), region us-east-1, SigV4 verified by s3api;
#              access key id "test:tester", secret "testing"
#
# Users (tempauth; S3 access key id = "<account>:<user>", secret = the key):
#   test:tester   / testing    .admin of AUTH_test (may set X-Account-Meta-Temp-URL-Key)   <- the default
#   test:tester2  / testing2   .admin of AUTH_test
#   test:tester3  / testing3   plain user of AUTH_test (no container access without ACLs: 403 tests)
#   test2:tester2 / testing2   .admin of AUTH_test2 (a second account)
#   admin:admin   / admin      .reseller_admin
#
# Proxy pipeline: catch_errors gatekeeper healthcheck proxy-logging cache listing_formats bulk tempurl
#   formpost s3api tempauth copy slo dlo versioned_writes symlink proxy-logging proxy-server
#
# Usage:
#   scripts/swift/swift-aio.sh install   # apt packages (root; ~15-35 s; a no-op when already installed)
#   scripts/swift/swift-aio.sh start     # configs, rings, start, wait for /healthcheck + an auth; a no-op when running
#   scripts/swift/swift-aio.sh env       # `export MULTICLOUD_SWIFT_…= MULTICLOUD_S3_…=` lines: eval "$(… env)"
#   scripts/swift/swift-aio.sh status    # pids + RSS; exit status 3 when not (fully) running
#   scripts/swift/swift-aio.sh smoke     # a Swift v1 round trip with curl
#   scripts/swift/swift-aio.sh update-stats  # one container-updater pass (account-level object counts/bytes)
#   scripts/swift/swift-aio.sh stop      # stop what `start` started (by recorded pid); keeps the data
#   scripts/swift/swift-aio.sh restart | teardown (stop + remove $SWIFT_AIO_DIR)
#
# Environment (defaults):
#   SWIFT_AIO_DIR (/tmp/swift-aio)          configs, rings, pids, logs and objects
#   SWIFT_AIO_PROXY_PORT (18080), SWIFT_AIO_MEMCACHED_PORT (18211), SWIFT_AIO_OBJECT_PORT (18200),
#   SWIFT_AIO_CONTAINER_PORT (18201), SWIFT_AIO_ACCOUNT_PORT (18202)   all on 127.0.0.1
#   SWIFT_AIO_REGION (us-east-1)            the only region s3api accepts in a SigV4 scope
#   SWIFT_AIO_LISTING_LIMIT (1001)          Swift's container/account listing page (Swift's default: 10000), so
#                                           paging shows with ~1000 objects; S3 pages at 1000 only if >= 1001
#   SWIFT_AIO_S3_MIN_SEGMENT (5242880)      smallest non-final S3 multipart part (as on AWS)
#   SWIFT_AIO_UPDATER_INTERVAL (1)          seconds between container-updater sweeps (account-level object
#                                           counts/bytes); 0 = none, they then change only on `update-stats`
#   SWIFT_AIO_STORAGE (auto | dir | loop), SWIFT_AIO_LOOP_SIZE (2G)   see below
#   SWIFT_AIO_USER (the current user)       the user the servers run as
#
# Storage needs user xattrs (the object server keeps metadata in `user.swift.metadata`). `start` probes the
# device directory: ext4/xfs/btrfs and tmpfs on Linux >= 6.6 have them. When the probe fails (older tmpfs,
# some overlay setups) and SWIFT_AIO_STORAGE is auto/loop, running as root, it formats a sparse ext4 image
# ($SWIFT_AIO_DIR/node.img) and loop-mounts it on the device directory; otherwise it says what to do.
#
# Nothing in /etc is read or written by `start`: Swift hard-codes /etc/swift/swift.conf (hash prefix/suffix,
# storage policies, constraints such as container_listing_limit), so the servers are started through a small
# Python wrapper that points Swift at $SWIFT_AIO_DIR/etc/swift.conf before anything reads it. Each server runs
# in its own session (setsid): Swift's SIGTERM handlers kill their whole process group.
set -euo pipefail

DIR=${SWIFT_AIO_DIR:-/tmp/swift-aio}
HOST=127.0.0.1
PROXY_PORT=${SWIFT_AIO_PROXY_PORT:-18080}
MC_PORT=${SWIFT_AIO_MEMCACHED_PORT:-18211}
OBJ_PORT=${SWIFT_AIO_OBJECT_PORT:-18200}
CONT_PORT=${SWIFT_AIO_CONTAINER_PORT:-18201}
ACCT_PORT=${SWIFT_AIO_ACCOUNT_PORT:-18202}
REGION=${SWIFT_AIO_REGION:-us-east-1}
LISTING_LIMIT=${SWIFT_AIO_LISTING_LIMIT:-1001}
# s3api asks Swift for MaxKeys + 1 names to tell whether a listing is truncated, and Swift answers 412 to a
# limit above container_listing_limit: S3 listings page at 1000 (as on AWS) only when Swift's limit is >= 1001.
S3_MAX_KEYS=$((LISTING_LIMIT > 1000 ? 1000 : LISTING_LIMIT - 1))
S3_MIN_SEGMENT=${SWIFT_AIO_S3_MIN_SEGMENT:-5242880}
UPDATER_INTERVAL=${SWIFT_AIO_UPDATER_INTERVAL:-1}
STORAGE=${SWIFT_AIO_STORAGE:-auto}
LOOP_SIZE=${SWIFT_AIO_LOOP_SIZE:-2G}
RUN_USER=${SWIFT_AIO_USER:-$(id -un)}
PY=/usr/bin/python3 # the Debian python3 that has the swift modules (not a pyenv/venv one on PATH)
ETC=$DIR/etc
DEV=$DIR/srv/node
RUN=$DIR/run
LOG=$DIR/log
SERVERS="account container object proxy"
PACKAGES="swift swift-proxy swift-account swift-container swift-object memcached curl"

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
say() { echo "[swift-aio] $*"; }
die() { echo "[swift-aio] error: $*" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------------- install
cmd_install() {
  local t0 missing=() p
  t0=$(now)
  for p in $PACKAGES; do
    [ "$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null)" = installed ] || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    say "install: packages already installed ($(dpkg-query -W -f='${Version}' swift)) (0.0 s)"
    return 0
  fi
  [ "$(id -u)" -eq 0 ] || die "install needs root (apt-get install ${missing[*]})"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # The packages start nothing without an init system; on a systemd host the postinst may start the distro
  # memcached/swift units. They use other ports (11211, 6200-6202, 8080), but need not run.
  if [ -d /run/systemd/system ]; then
    systemctl stop 'swift-*' 2>/dev/null || true
  fi
  say "install: swift $(dpkg-query -W -f='${Version}' swift) in $(elapsed "$t0") s"
}

# ---------------------------------------------------------------------------------------------------- helpers
# The settings a running instance was started with; `start` restarts when they change.
fingerprint() {
  printf '%s\n' "$PROXY_PORT $MC_PORT $OBJ_PORT $CONT_PORT $ACCT_PORT $REGION $LISTING_LIMIT $S3_MIN_SEGMENT $UPDATER_INTERVAL $RUN_USER $(md5sum <"${BASH_SOURCE[0]}" | cut -c1-12)"
}

procs() { # the processes this instance runs
  local p=memcached
  for s in $SERVERS; do p="$p $s"; done
  [ "$UPDATER_INTERVAL" = 0 ] || p="$p updater"
  echo "$p"
}

# A pid from $RUN/<name>.pid that is alive and really ours (its command line names $DIR), else nothing.
our_pid() {
  local f=$RUN/$1.pid pid
  [ -f "$f" ] || return 1
  pid=$(cat "$f")
  [ -n "$pid" ] && alive "$pid" || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$DIR/" || return 1
  echo "$pid"
}

port_free() { # port_free <port>: nothing listens on 127.0.0.1:<port>
  "$PY" - "$1" <<'PY'
import socket, sys
s = socket.socket()
try:
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(('127.0.0.1', int(sys.argv[1])))
except OSError:
    sys.exit(1)
PY
}

wait_http() { # wait_http <url> <timeout-s>
  local i
  for ((i = 0; i < $2 * 20; i++)); do
    curl -fs -o /dev/null --max-time 2 "$1" && return 0
    sleep 0.05
  done
  return 1
}

xattr_ok() {
  "$PY" - "$1" <<'PY'
import os, sys
p = os.path.join(sys.argv[1], '.xattr-probe')
open(p, 'w').close()
try:
    os.setxattr(p, 'user.swift.probe', b'1')
    ok = os.getxattr(p, 'user.swift.probe') == b'1'
except OSError:
    ok = False
finally:
    os.unlink(p)
sys.exit(0 if ok else 1)
PY
}

prepare_storage() {
  mkdir -p "$DEV/d1"
  if mountpoint -q "$DEV/d1"; then
    xattr_ok "$DEV/d1" && return 0
    die "$DEV/d1 is a mount point without user xattrs"
  fi
  if [ "$STORAGE" != loop ] && xattr_ok "$DEV/d1"; then
    return 0
  fi
  [ "$STORAGE" != dir ] || die "$DEV/d1 does not support user xattrs; use an ext4/xfs SWIFT_AIO_DIR or SWIFT_AIO_STORAGE=loop (root)"
  [ "$(id -u)" -eq 0 ] || die "$DEV/d1 does not support user xattrs and a loop-mounted ext4 image needs root; set SWIFT_AIO_DIR to an ext4/xfs path"
  # An ext4 image elsewhere can hold the xattrs even when $DIR's file system cannot.
  if [ ! -f "$DIR/node.img" ]; then
    truncate -s "$LOOP_SIZE" "$DIR/node.img"
    mkfs.ext4 -q -F -E lazy_itable_init=1,lazy_journal_init=1 "$DIR/node.img"
  fi
  mount -o loop,user_xattr,noatime "$DIR/node.img" "$DEV/d1" || die "cannot loop-mount $DIR/node.img (no loop devices here?)"
  chown "$RUN_USER" "$DEV/d1"
  xattr_ok "$DEV/d1" || die "the loop-mounted ext4 image has no user xattrs?"
  say "storage: ext4 image $DIR/node.img loop-mounted on $DEV/d1 (user xattrs)"
}

# ---------------------------------------------------------------------------------------------------- configs
write_configs() {
  mkdir -p "$ETC" "$RUN" "$LOG" "$DIR/cache"

  # Read (instead of /etc/swift/swift.conf) through swift-run.py below.
  cat >"$ETC/swift.conf" <<EOF
[swift-hash]
swift_hash_path_prefix = swift-aio
swift_hash_path_suffix = swift-aio

[storage-policy:0]
name = Policy-0
default = yes

[swift-constraints]
container_listing_limit = $LISTING_LIMIT
account_listing_limit = $LISTING_LIMIT
EOF

  cat >"$ETC/swift-run.py" <<'EOF'
# swift-run.py <swift.conf> <server|container-updater> <conf> [options]: runs a Swift server or the container
# updater like /usr/bin/swift-<name>, but with <swift.conf> instead of the hard-coded /etc/swift/swift.conf.
import sys
from swift.common import utils
utils.SWIFT_CONF_FILE = sys.argv.pop(1)
utils.HASH_PATH_PREFIX = utils.HASH_PATH_SUFFIX = b''
utils.validate_configuration()
from swift.common import constraints, storage_policy  # noqa: E402 (must follow the override)
constraints.reload_constraints()
storage_policy.reload_storage_policies()
name = sys.argv.pop(1)
if name == 'container-updater':
    from swift.common.daemon import run_daemon
    from swift.container.updater import ContainerUpdater
    conf_file, options = utils.parse_options(once=True)
    run_daemon(ContainerUpdater, conf_file, **options)
elif name == 'container-updater-loop':
    # The daemon forks a child per sweep that takes ~5 s and ~0.3 s of CPU; single-threaded sweeps in one
    # process every `interval` seconds cost a few ms each.
    import time
    from swift.common.utils import eventlet_monkey_patch, get_logger, readconf
    from swift.container.updater import ContainerUpdater
    eventlet_monkey_patch()
    conf = readconf(sys.argv[1], 'container-updater')
    interval = float(conf.get('interval', 1))
    updater = ContainerUpdater(conf, logger=get_logger(conf, log_route='container-updater', log_to_console=True))
    while True:
        updater.run_once()
        time.sleep(interval)
else:
    from swift.common.wsgi import run_wsgi
    conf_file, options = utils.parse_options()
    sys.exit(run_wsgi(conf_file, name, **options))
EOF

  local common updater_interval=$UPDATER_INTERVAL
  [ "$updater_interval" != 0 ] || updater_interval=300 # for `update-stats` (once) only
  common="[DEFAULT]
bind_ip = $HOST
user = $RUN_USER
swift_dir = $ETC
devices = $DEV
mount_check = false
disable_fallocate = true
workers = 0
log_level = INFO
log_address = /dev/null"

  cat >"$ETC/account-server.conf" <<EOF
$common
bind_port = $ACCT_PORT
log_name = aio-account

[pipeline:main]
pipeline = healthcheck account-server

[app:account-server]
use = egg:swift#account

[filter:healthcheck]
use = egg:swift#healthcheck
EOF

  cat >"$ETC/container-server.conf" <<EOF
$common
bind_port = $CONT_PORT
log_name = aio-container

[pipeline:main]
pipeline = healthcheck container-server

[app:container-server]
use = egg:swift#container
allow_versions = true

[filter:healthcheck]
use = egg:swift#healthcheck

[container-updater]
interval = $updater_interval
concurrency = 1
containers_per_second = 0
recon_cache_path = $DIR/cache
# a sweep a second: only warnings and errors
log_level = WARNING
EOF

  cat >"$ETC/object-server.conf" <<EOF
$common
bind_port = $OBJ_PORT
log_name = aio-object

[pipeline:main]
pipeline = healthcheck object-server

[app:object-server]
use = egg:swift#object

[filter:healthcheck]
use = egg:swift#healthcheck
EOF

  cat >"$ETC/proxy-server.conf" <<EOF
[DEFAULT]
bind_ip = $HOST
bind_port = $PROXY_PORT
user = $RUN_USER
swift_dir = $ETC
workers = 0
log_name = aio-proxy
log_level = INFO
log_address = /dev/null

[pipeline:main]
pipeline = catch_errors gatekeeper healthcheck proxy-logging cache listing_formats bulk tempurl formpost s3api tempauth copy slo dlo versioned_writes symlink proxy-logging proxy-server

[app:proxy-server]
use = egg:swift#proxy
account_autocreate = true
allow_account_management = true

[filter:tempauth]
use = egg:swift#tempauth
# user_<account>_<user> = <key> [group ...]; storage URL http://host:port/v1/AUTH_<account>
user_admin_admin = admin .admin .reseller_admin
user_test_tester = testing .admin
user_test_tester2 = testing2 .admin
user_test_tester3 = testing3
user_test2_tester2 = testing2 .admin
token_life = 86400

[filter:s3api]
use = egg:swift#s3api
location = $REGION
# path-style only (virtual-host style would need storage_domain and DNS)
dns_compliant_bucket_names = true
allowable_clock_skew = 900
max_bucket_listing = $S3_MAX_KEYS
# AWS allows 10000 parts (s3api's default is 1000); each part is one SLO segment
max_upload_part_num = 10000
min_segment_size = $S3_MIN_SEGMENT

[filter:cache]
use = egg:swift#memcache
memcache_servers = $HOST:$MC_PORT
# The default pool of 2 connections (1 s wait) and error-limiting after 10 errors a minute make tempauth
# answer 401 to every request for a minute once a test sends a few hundred requests at once.
memcache_max_connections = 64
pool_timeout = 10
error_suppression_limit = 1000000

[filter:catch_errors]
use = egg:swift#catch_errors
[filter:gatekeeper]
use = egg:swift#gatekeeper
[filter:healthcheck]
use = egg:swift#healthcheck
[filter:proxy-logging]
use = egg:swift#proxy_logging
[filter:listing_formats]
use = egg:swift#listing_formats
[filter:bulk]
use = egg:swift#bulk
[filter:tempurl]
use = egg:swift#tempurl
[filter:formpost]
use = egg:swift#formpost
[filter:copy]
use = egg:swift#copy
[filter:slo]
use = egg:swift#slo
max_manifest_segments = 10000
[filter:dlo]
use = egg:swift#dlo
[filter:versioned_writes]
use = egg:swift#versioned_writes
allow_versioned_writes = true
allow_object_versioning = true
[filter:symlink]
use = egg:swift#symlink
EOF
}

build_rings() { # part power 6 (64 partitions), 1 replica, 1 device each; only when missing or the ports changed
  local want="$ACCT_PORT $CONT_PORT $OBJ_PORT"
  if [ -f "$ETC/object.ring.gz" ] && [ "$(cat "$ETC/rings.ports" 2>/dev/null)" = "$want" ]; then return 0; fi
  # One Python process instead of nine swift-ring-builder runs (create/add/rebalance x 3): ~0.5 s instead of ~4 s.
  "$PY" - "$ETC" "$HOST" $want <<'PY'
import sys
from swift.common.ring import RingBuilder
etc, host, ports = sys.argv[1], sys.argv[2], sys.argv[3:]
for kind, port in zip(('account', 'container', 'object'), ports):
    builder = RingBuilder(6, 1, 1)
    builder.add_dev({'region': 1, 'zone': 1, 'ip': host, 'port': int(port), 'replication_ip': host,
                     'replication_port': int(port), 'device': 'd1', 'weight': 100, 'meta': ''})
    builder.rebalance()
    builder.get_ring().save('%s/%s.ring.gz' % (etc, kind))
    builder.save('%s/%s.builder' % (etc, kind))
PY
  echo "$want" >"$ETC/rings.ports"
}

start_bg() { # start_bg <name> <cmd...>: in its own session, holding none of the caller's files or pipes
  local name=$1; shift
  (
    for fd in "/proc/$BASHPID/fd/"*; do
      fd=${fd##*/}
      if [ "$fd" -gt 2 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
    done
    exec setsid "$@" </dev/null >>"$LOG/$name.log" 2>&1
  ) &
  echo $! >"$RUN/$name.pid"
}

v1_auth_ok() {
  curl -fs -o /dev/null --max-time 5 -H 'X-Auth-User: test:tester' -H 'X-Auth-Key: testing' "http://$HOST:$PROXY_PORT/auth/v1.0"
}

# ---------------------------------------------------------------------------------------------------- start/stop
cmd_start() {
  local t0 t s running=0 total=0 down=()
  t0=$(now)
  for s in $(procs); do
    total=$((total + 1))
    if our_pid "$s" >/dev/null; then running=$((running + 1)); else down+=("$s"); fi
  done
  if [ "$running" -gt 0 ]; then
    if [ "$running" -eq "$total" ] && [ "$(cat "$RUN/fingerprint" 2>/dev/null)" = "$(fingerprint)" ] \
      && wait_http "http://$HOST:$PROXY_PORT/healthcheck" 2 && v1_auth_ok; then
      say "already running (no-op)"
      endpoints
      return 0
    fi
    if [ "$running" -eq "$total" ]; then say "running with other settings or unhealthy: restarting"
    else say "partly running (down: ${down[*]}): restarting"; fi
    cmd_stop
  fi
  command -v swift-ring-builder >/dev/null && command -v memcached >/dev/null \
    || die "Swift is not installed: run '$0 install' (as root) first"
  for s in "$PROXY_PORT" "$MC_PORT" "$OBJ_PORT" "$CONT_PORT" "$ACCT_PORT"; do
    port_free "$s" || die "port $s on $HOST is in use by another process (another swift-aio with a different SWIFT_AIO_DIR?); stop it or set SWIFT_AIO_*_PORT"
  done

  t=$(now)
  write_configs
  prepare_storage
  build_rings
  fingerprint >"$RUN/fingerprint"
  say "configs, storage, rings: $(elapsed "$t") s"

  t=$(now)
  local mc_user=()
  [ "$(id -u)" -eq 0 ] && mc_user=(-u "$RUN_USER")
  # a memcached command line does not name $DIR: give it a -P pid file there so `our_pid` recognises it
  start_bg memcached memcached -l "$HOST" -p "$MC_PORT" -U 0 -m 32 -c 256 -P "$RUN/memcached.self.pid" "${mc_user[@]}"
  for s in account container object proxy; do
    start_bg "$s" "$PY" "$ETC/swift-run.py" "$ETC/swift.conf" "$s-server" "$ETC/$s-server.conf" -v
  done
  if [ "$UPDATER_INTERVAL" != 0 ]; then
    start_bg updater "$PY" "$ETC/swift-run.py" "$ETC/swift.conf" container-updater-loop "$ETC/container-server.conf"
  fi
  local i
  for s in "$ACCT_PORT" "$CONT_PORT" "$OBJ_PORT" "$PROXY_PORT"; do
    if ! wait_http "http://$HOST:$s/healthcheck" 60; then
      cmd_status >&2 || true
      tail -n 20 "$LOG"/*.log >&2 || true
      die "timeout waiting for http://$HOST:$s/healthcheck"
    fi
  done
  # The first auth also proves memcached (tempauth keeps tokens there) and creates nothing yet.
  for ((i = 0; i < 100; i++)); do v1_auth_ok && break; sleep 0.1; done
  v1_auth_ok || die "the proxy answers but a v1 auth as test:tester fails (memcached down? see $LOG/proxy.log)"
  say "servers up: $(elapsed "$t") s"
  say "start total: $(elapsed "$t0") s"
  cmd_status || true
  endpoints
}

alive() { # alive <pid>: running and not a zombie waiting for its (re)parent to reap it
  local state
  state=$(awk '{ print $3 }' "/proc/$1/stat" 2>/dev/null) || return 1
  [ -n "$state" ] && [ "$state" != Z ]
}

cmd_stop() {
  local s pid i pids=() names=()
  for s in updater proxy object container account memcached; do
    if pid=$(our_pid "$s"); then
      kill -TERM "$pid" 2>/dev/null || true
      pids+=("$pid"); names+=("$s")
    fi
    rm -f "$RUN/$s.pid"
  done
  for ((i = 0; i < ${#pids[@]}; i++)); do
    local n
    for ((n = 0; n < 100; n++)); do alive "${pids[i]}" || break; sleep 0.05; done
    if alive "${pids[i]}"; then kill -KILL "${pids[i]}" 2>/dev/null || true; fi
    say "stopped ${names[i]} (${pids[i]})"
  done
  rm -f "$RUN/fingerprint" "$RUN/memcached.self.pid"
}

cmd_teardown() {
  cmd_stop
  if mountpoint -q "$DEV/d1" 2>/dev/null; then umount "$DEV/d1"; fi
  rm -rf "$DIR"
  say "removed $DIR"
}

cmd_status() {
  local s pid rss total=0 bad=0
  for s in $(procs); do
    if pid=$(our_pid "$s"); then
      rss=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status")
      total=$((total + rss))
      printf '[swift-aio] %-10s pid %-7s rss %4d MiB\n' "$s" "$pid" $((rss / 1024))
    else
      printf '[swift-aio] %-10s NOT RUNNING (log: %s)\n' "$s" "$LOG/$s.log"
      bad=1
    fi
  done
  printf '[swift-aio] total RSS %d MiB\n' $((total / 1024))
  return $((bad * 3))
}

endpoints() {
  say "Swift v1 auth: http://$HOST:$PROXY_PORT/auth/v1.0  (test:tester / testing; test2:tester2 / testing2)"
  say "S3:            http://$HOST:$PROXY_PORT  path-style, region $REGION, SigV4 (test:tester / testing)"
  say "listing page: Swift $LISTING_LIMIT, S3 $S3_MAX_KEYS; logs in $LOG; eval \"\$($0 env)\" for the MULTICLOUD_* variables"
}

cmd_env() {
  cat <<EOF
export MULTICLOUD_SWIFT_AUTH_URL=http://$HOST:$PROXY_PORT/auth/v1.0
export MULTICLOUD_SWIFT_USER=test:tester
export MULTICLOUD_SWIFT_KEY=testing
export MULTICLOUD_SWIFT_USER2=test2:tester2
export MULTICLOUD_SWIFT_KEY2=testing2
export MULTICLOUD_SWIFT_LISTING_LIMIT=$LISTING_LIMIT
export MULTICLOUD_S3_ENDPOINT=http://$HOST:$PROXY_PORT
export MULTICLOUD_S3_ACCESS_KEY_ID=test:tester
export MULTICLOUD_S3_SECRET_ACCESS_KEY=testing
export MULTICLOUD_S3_REGION=$REGION
EOF
}

cmd_smoke() {
  local h tok url
  h=$(curl -fsS -D - -o /dev/null -H 'X-Auth-User: test:tester' -H 'X-Auth-Key: testing' "http://$HOST:$PROXY_PORT/auth/v1.0")
  tok=$(printf '%s' "$h" | awk -F': ' 'tolower($1)=="x-auth-token" {print $2}' | tr -d '\r')
  url=$(printf '%s' "$h" | awk -F': ' 'tolower($1)=="x-storage-url" {print $2}' | tr -d '\r')
  say "storage url $url"
  curl -fsS -X PUT -H "X-Auth-Token: $tok" "$url/smoke" -o /dev/null -w 'PUT container %{http_code}\n'
  printf 'hello swift' | curl -fsS -X PUT -H "X-Auth-Token: $tok" -H 'Content-Type: text/plain' \
    --data-binary @- "$url/smoke/hello.txt" -o /dev/null -w 'PUT object    %{http_code}\n'
  curl -fsS -H "X-Auth-Token: $tok" "$url/smoke/hello.txt"; echo
  curl -fsS -H "X-Auth-Token: $tok" "$url/smoke?format=json"; echo
}

# Account-level X-Account-Object-Count/Bytes-Used (and per-container counts in account listings) are refreshed
# by the container-updater (every SWIFT_AIO_UPDATER_INTERVAL s); this runs one pass now.
cmd_update_stats() {
  "$PY" "$ETC/swift-run.py" "$ETC/swift.conf" container-updater "$ETC/container-server.conf" once >>"$LOG/update-stats.log" 2>&1
}

case ${1:-} in
  install) cmd_install ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  restart) cmd_stop; cmd_start ;;
  status) cmd_status ;;
  env) cmd_env ;;
  smoke) cmd_smoke ;;
  update-stats) cmd_update_stats ;;
  teardown) cmd_teardown ;;
  help | -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | cut -c3- ;;
  *) sed -n '2,/^set -euo/p' "$0" | sed '$d' | cut -c3- >&2; exit 2 ;;
esac
