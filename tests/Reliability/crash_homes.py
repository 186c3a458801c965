"""Homes for the crash suite (.ci/suites/crash.sh) and the checks after the rerun.

make-sf DIR N       an sf home of N orgs (auth files named after their username, an alias each, config keys naming one)
make-codex DIR MB   a codex home: auth.json (API key, file store) and a config.toml of about MB megabytes with auth_token
leftovers DIR       prints how many of the module's temp files and lock folders DIR holds
check-sf DIR / check-codex DIR   prints the problems after the rerun, one a line (none: the trial passed); the sf home
                    may keep Disconnect-Org's own folder .sfdx/.logoutmodule, but empty
"""
import json, os, re, sys, tomllib

TEMP = re.compile(r"^\..+\.[0-9a-f]{8}\.tmp$")


def ours(home):
    found = []
    for root, dirs, files in os.walk(home):
        found += [os.path.join(root, d) for d in dirs if d.endswith(".lock")]
        found += [os.path.join(root, f) for f in files if TEMP.match(f)]
    return found


def make_sf(home, count):
    sfdx, sf = os.path.join(home, ".sfdx"), os.path.join(home, ".sf")
    os.makedirs(sfdx), os.makedirs(sf)
    orgs = {}
    for i in range(count):
        user = f"user{i}@crash.example.com"
        with open(os.path.join(sfdx, user + ".json"), "w") as f:
            json.dump({"username": user, "orgId": f"00D{i:015d}", "instanceUrl": "https://crash.example.com",
                       "loginUrl": "https://login.example.com", "accessToken": "not-a-token"}, f, indent=2)
        orgs[f"o{i}"] = user
    with open(os.path.join(sfdx, "alias.json"), "w") as f:
        json.dump({"orgs": orgs}, f, indent=2)
    with open(os.path.join(sf, "config.json"), "w") as f:
        json.dump({"target-org": "o1", "target-dev-hub": "o2"}, f, indent=2)
    with open(os.path.join(sfdx, "sfdx-config.json"), "w") as f:
        json.dump({"defaultusername": "o1", "defaultdevhubusername": "o2"}, f, indent=2)


def make_codex(home, megabytes):
    os.makedirs(home)
    with open(os.path.join(home, "auth.json"), "w") as f:
        json.dump({"auth_mode": "apikey", "OPENAI_API_KEY": "sk-crash-0123456789"}, f)
    lines = ['cli_auth_credentials_store = "file"', 'auth_token = "legacy-crash-token"', 'model = "o3"']
    size, i = 0, 0
    while size < megabytes * 1024 * 1024:
        table = [f"[profiles.p{i}]", f'model = "model-{i}"', f'notes = "{"x" * 200}"']
        lines += table
        size += sum(len(line) + 1 for line in table)
        i += 1
    with open(os.path.join(home, "config.toml"), "w") as f:
        f.write("\n".join(lines) + "\n")


def check_sf(home):
    problems = []
    sfdx = os.path.join(home, ".sfdx")
    for root, _, files in os.walk(home):
        for name in files:
            if name.endswith(".json"):
                try:
                    with open(os.path.join(root, name), "rb") as f:
                        json.loads(f.read())
                except ValueError as e:
                    problems.append(f"{os.path.join(root, name)} does not parse: {e}")
    left = [n for n in os.listdir(sfdx) if n.endswith("@crash.example.com.json")]
    if left:
        problems.append(f"{len(left)} auth files left, e.g. {left[0]}")
    aliases = json.load(open(os.path.join(sfdx, "alias.json"))).get("orgs", {})
    if aliases:
        problems.append(f"{len(aliases)} aliases left")
    for path in (os.path.join(home, ".sf", "config.json"), os.path.join(sfdx, "sfdx-config.json")):
        if os.path.exists(path) and json.load(open(path)):
            problems.append(f"{path} still has {json.load(open(path))}")
    # Disconnect-Org's journal folder: a killed run's journal is finished and removed by the rerun.
    journals = os.path.join(sfdx, ".logoutmodule")
    if os.path.isdir(journals) and os.listdir(journals):
        problems.append(f"journal(s) left in {journals}: {', '.join(os.listdir(journals))}")
    return problems + [f"left behind: {p}" for p in ours(home)]


def check_codex(home):
    problems = []
    try:
        with open(os.path.join(home, "config.toml"), "rb") as f:
            config = tomllib.load(f)
        if "auth_token" in config:
            problems.append("config.toml still has auth_token")
        if len([k for k in config.get("profiles", {})]) == 0:
            problems.append("config.toml lost its profiles")
    except tomllib.TOMLDecodeError as e:
        problems.append(f"config.toml does not parse: {e}")
    if os.path.exists(os.path.join(home, "auth.json")):
        problems.append("auth.json left")
    return problems + [f"left behind: {p}" for p in ours(home)]


if __name__ == "__main__":
    command, path = sys.argv[1], sys.argv[2]
    if command == "make-sf":
        make_sf(path, int(sys.argv[3]))
    elif command == "make-codex":
        make_codex(path, int(sys.argv[3]))
    elif command == "leftovers":
        print(len(ours(path)))
    else:
        print("\n".join((check_sf if command == "check-sf" else check_codex)(path)))
