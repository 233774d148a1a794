#!/usr/bin/env python3
"""Writes lql(1) from the binary's own description of its commands (`lql --experimental-dump-help`,
swift-argument-parser's JSON), so the man page never disagrees with `lql --help`.
Usage: scripts/gen-man.py LQL_BINARY > lql.1"""
import json, subprocess, sys, datetime

def roff(text):
    # Every line of text is escaped: a leading . or ' would be a roff request.
    out = []
    for line in (text or "").replace("\\", "\\e").split("\n"):
        out.append(("\\&" + line) if line.startswith((".", "'")) else line)
    return "\n".join(out)

def flag_names(arg):
    names = []
    for n in arg.get("names", []):
        names.append(("-" if n["kind"] == "short" else "--") + n["name"])
    if not names:
        return "\\fI" + arg.get("valueName", "value") + "\\fR"
    value = "" if arg["kind"] == "flag" else " \\fI" + arg.get("valueName", "value") + "\\fR"
    return ", ".join("\\fB" + n + "\\fR" for n in names) + value

def options(cmd):
    lines = []
    for arg in cmd.get("arguments", []):
        if not arg.get("shouldDisplay", True):
            continue
        lines += [".TP", flag_names(arg), roff(arg.get("abstract", ""))]
    return lines

def main():
    info = json.loads(subprocess.run([sys.argv[1], "--experimental-dump-help"], check=True,
                                     capture_output=True, text=True).stdout)["command"]
    today = datetime.date.today().isoformat()
    page = [f'.TH LQL 1 "{today}" "lql" "User Commands"', ".SH NAME",
            "lql \\- " + roff(info.get("abstract", "")), ".SH SYNOPSIS",
            "\\fBlql\\fR [\\fIcommand\\fR] [\\fIoptions\\fR]", ".SH DESCRIPTION", roff(info.get("discussion", ""))]
    page += [".SH OPTIONS"] + options(info)
    page.append(".SH COMMANDS")
    for sub in info.get("subcommands", []):
        if not sub.get("shouldDisplay", True) or sub["commandName"] == "help":
            continue
        page += [".SS " + "lql " + sub["commandName"], roff(sub.get("abstract", ""))]
        if sub.get("discussion"):
            page += [".PP", roff(sub["discussion"])]
        page += options(sub)
    page += [".SH SEE ALSO", "\\fBpsql\\fR(1); the README and docs/ in lql's source tree."]
    sys.stdout.write("\n".join(page) + "\n")

main()
