#!/bin/sh
# Builds the function app deployment package for Azure Functions (Flex Consumption, custom handler):
#
#   <dist>/api/      the package layout: host.json, <Function>/function.json, the handler executable (mode 0755)
#   <dist>/api.zip   the same files zipped, with Unix mode bits written explicitly (handler 0755)
#
# <dist> is the first argument, default <repo>/.dist. azd runs this as the api service's prepackage hook and
# deploys <dist>/api; `azd deploy api --from-package .dist/api.zip` deploys the zip as built and checked here.
# POSIX sh on purpose: azd runs `sh` hooks with sh. Needs the .NET SDK and python3 (or python).
set -eu

root=$(CDPATH= cd -- "$(dirname -- "$0")/../.." && pwd)
dist=${1:-"$root/.dist"}
mkdir -p "$dist"
dist=$(CDPATH= cd -- "$dist" && pwd)
out="$dist/api"
zip="$dist/api.zip"
project="$root/functions/Tributary.Functions/Tributary.Functions.csproj"

python=$(command -v python3 || command -v python || true)
if [ -z "$python" ]; then
  echo "package-api: python3 is required to write the zip" >&2
  exit 1
fi

# The handler's file name comes from host.json, the single source of truth.
exe=$("$python" -c 'import json,sys; print(json.load(open(sys.argv[1]))["customHandler"]["description"]["defaultExecutablePath"])' "$root/host.json")

rm -rf "$out" "$zip"

# A separate artifacts path keeps this Release/linux-x64 build from touching the obj/ folders that IDEs and
# other builds of the same projects use.
dotnet publish "$project" \
  --configuration Release \
  --runtime linux-x64 \
  --self-contained \
  -p:PublishSingleFile=true \
  --artifacts-path "$dist/.artifacts" \
  --output "$out" \
  --nologo

# Local-only files never ship.
rm -f "$out/local.settings.json"

chmod 0755 "$out/$exe"

"$python" - "$root" "$out" "$zip" "$exe" <<'PY'
import json, os, shutil, stat, sys, zipfile

root, out, zip_path, exe = sys.argv[1:5]

def fail(message):
    sys.exit("package-api: " + message)

# Layout: host.json, the handler, and one function.json per function folder of the project.
if not os.path.isfile(os.path.join(out, "host.json")):
    fail("host.json is missing from " + out)
exe_path = os.path.join(out, exe)
if not os.path.isfile(exe_path):
    fail("the handler executable '%s' (host.json defaultExecutablePath) is missing from %s" % (exe, out))
with open(exe_path, "rb") as f:
    if f.read(4) != b"\x7fELF":
        fail("'%s' is not a Linux executable" % exe)

project_dir = os.path.join(root, "functions", "Tributary.Functions")
functions = sorted(d for d in os.listdir(project_dir)
                   if os.path.isfile(os.path.join(project_dir, d, "function.json")))
if not functions:
    fail("no */function.json found in " + project_dir)
for name in functions:
    path = os.path.join(out, name, "function.json")
    if not os.path.isfile(path):
        fail("%s/function.json is missing from %s" % (name, out))
    with open(path) as f:
        json.load(f)
packaged = sorted(d for d in os.listdir(out) if os.path.isfile(os.path.join(out, d, "function.json")))
if packaged != functions:
    fail("packaged functions %s differ from the project's %s" % (packaged, functions))

# The zip: regular files only, sorted, Unix "version made by" so that readers honour the mode bits;
# the handler is 0755 whatever the file system says (e.g. when built on Windows).
with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as z:
    for dirpath, dirnames, filenames in os.walk(out):
        dirnames.sort()
        for filename in sorted(filenames):
            full = os.path.join(dirpath, filename)
            arcname = os.path.relpath(full, out).replace(os.sep, "/")
            info = zipfile.ZipInfo.from_file(full, arcname)
            info.create_system = 3
            executable = arcname == exe or (os.name == "posix" and os.stat(full).st_mode & stat.S_IXUSR)
            info.external_attr = ((stat.S_IFREG | (0o755 if executable else 0o644)) & 0xFFFF) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            with open(full, "rb") as source, z.open(info, "w") as target:
                shutil.copyfileobj(source, target, 1 << 20)

with zipfile.ZipFile(zip_path) as z:
    info = z.getinfo(exe)
    mode = info.external_attr >> 16
    if info.create_system != 3 or mode & 0o777 != 0o755 or not stat.S_ISREG(mode):
        fail("the handler's mode in the zip is %o, expected 100755" % mode)
    names = set(z.namelist())
    missing = [n for n in ["host.json"] + [f + "/function.json" for f in functions] if n not in names]
    if missing:
        fail("missing from the zip: " + ", ".join(missing))

print("package-api: %s (%d functions: %s; handler %s 0755)" % (zip_path, len(functions), ", ".join(functions), exe))
PY
