#!/usr/bin/env python3
"""Drives `lql mcp` with the official Python MCP SDK's client, as a desktop assistant would.

Reads a JSON plan on stdin: {"command": PATH, "args": [...], "env": {...}, "calls": [...]}
where each call is {"tool": NAME, "arguments": {...}} or {"read": URI} or {"list": "tools"|"resources"}.
Prints one JSON object: {"server": ..., "results": [...]}, each result the SDK's parsed answer.
Used by Tests/LQLMCPTests (PythonClientTests) and bench/mcp/run.sh.
"""
import asyncio
import json
import sys
import time

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client


def field(obj, *names):
    """The SDK renamed fields between major versions (isError → is_error): take whichever exists."""
    for name in names:
        if hasattr(obj, name):
            return getattr(obj, name)
    return None


async def main(plan):
    params = StdioServerParameters(command=plan["command"], args=plan.get("args", []), env=plan.get("env"))
    results = []
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write) as session:
            init = await session.initialize()
            for call in plan["calls"]:
                started = time.perf_counter()
                if "tool" in call:
                    r = await session.call_tool(call["tool"], call.get("arguments", {}))
                    out = {"isError": bool(field(r, "is_error", "isError")),
                           "structuredContent": field(r, "structured_content", "structuredContent"),
                           "text": "".join(c.text for c in r.content if getattr(c, "type", "") == "text")}
                elif "read" in call:
                    r = await session.read_resource(call["read"])
                    out = {"contents": [c.text for c in r.contents]}
                elif call.get("list") == "tools":
                    r = await session.list_tools()
                    out = {"tools": [t.name for t in r.tools]}
                else:
                    r = await session.list_resources()
                    out = {"resources": [str(x.uri) for x in r.resources]}
                out["seconds"] = time.perf_counter() - started
                results.append(out)
    print(json.dumps({"server": field(init, "server_info", "serverInfo").name, "results": results}))


if __name__ == "__main__":
    asyncio.run(main(json.load(sys.stdin)))
