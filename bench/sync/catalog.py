#!/usr/bin/env python3
"""Writes the bench catalog: 100 categories, 50 modifier groups of 5 modifiers, 10,000 items.

  catalog.py DIR   writes DIR/full.json (mode full), DIR/changed.json (the same with 10% of the
                   items repriced) and DIR/{categories,modifier_groups,modifiers,items}.csv for
                   the COPY floor (venue id left as the placeholder VENUE).
"""
import csv
import json
import os
import sys

out = sys.argv[1]
ITEMS, CATEGORIES, GROUPS, MODIFIERS = 10_000, 100, 50, 5

categories = [{"externalId": f"cat-{c:03d}", "name": f"Category {c}", "position": c}
              for c in range(CATEGORIES)]
groups = [{"externalId": f"grp-{g:02d}", "name": f"Group {g}", "minSelections": 0,
           "maxSelections": 3,
           "modifiers": [{"externalId": f"mod-{m}", "name": f"Modifier {g}-{m}",
                          "price": {"amount": 50 * m, "currency": "EUR"}, "available": True}
                         for m in range(MODIFIERS)]}
          for g in range(GROUPS)]


def items(changed):
    result = []
    for i in range(ITEMS):
        amount = 100 + i % 5000
        if changed and i % 10 == 0:
            amount += 1
        result.append({
            "externalId": f"item-{i:05d}",
            "categoryExternalId": f"cat-{i % CATEGORIES:03d}",
            "name": f"Item number {i}",
            "description": "A dish from the bench catalog, described in a sentence or two.",
            "price": {"amount": amount, "currency": "EUR"},
            "available": i % 7 != 0,
            "modifierGroupExternalIds": [f"grp-{i % GROUPS:02d}", f"grp-{(i + 1) % GROUPS:02d}"],
        })
    return result


for name, changed in (("full.json", False), ("changed.json", True)):
    with open(os.path.join(out, name), "w") as f:
        json.dump({"mode": "full", "categories": categories, "items": items(changed),
                   "modifierGroups": groups}, f)

now = "2026-01-01T00:00:00Z"
with open(os.path.join(out, "categories.csv"), "w", newline="") as f:
    w = csv.writer(f)
    for c in categories:
        w.writerow(["VENUE", c["externalId"], c["name"], c["position"], now, now])
with open(os.path.join(out, "modifier_groups.csv"), "w", newline="") as f:
    w = csv.writer(f)
    for g in groups:
        w.writerow(["VENUE", g["externalId"], g["name"], 0, 3, now, now])
with open(os.path.join(out, "modifiers.csv"), "w", newline="") as f:
    w = csv.writer(f)
    for g in groups:
        for m in g["modifiers"]:
            w.writerow(["VENUE", g["externalId"], m["externalId"], m["name"],
                        m["price"]["amount"], "EUR", "t", now, now])
with open(os.path.join(out, "items.csv"), "w", newline="") as f:
    w = csv.writer(f)
    for it in items(False):
        w.writerow(["VENUE", it["externalId"], it["categoryExternalId"], it["name"],
                    it["description"], it["price"]["amount"], "EUR",
                    "t" if it["available"] else "f",
                    "{" + ",".join(it["modifierGroupExternalIds"]) + "}", now, now])
