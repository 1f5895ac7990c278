#!/usr/bin/env python3
"""Validates Rasid's CTI exports against the official schemas.

    validate_cti.py SCHEMAS veris FILE...   VERIS: each document (a file holding one
                                            document or an array) against
                                            veris/verisc-merged.json (draft-04)
    validate_cti.py SCHEMAS stix FILE...    STIX 2.1: each bundle against
                                            common/bundle.json and each of its
                                            objects against the schema of its type,
                                            every file of stix2.1/ in one store
    validate_cti.py SCHEMAS misp FILE...    MISP: each event ({"Event": ...}, or a
                                            collection {"response": [...]}) against
                                            the JSON Schema of misp-core-format.md and
                                            the rules of its text (required keys,
                                            category-type pairs, UUIDs, timestamps)

SCHEMAS is the folder holding veris/, stix2.1/ and misp/. Prints one line per
error and exits 1 when there is any, 2 when the schemas cannot be read. The
validation is python3-jsonschema's (Debian 12 ships 4.10): validators are chosen
with validator_for and references resolved with a RefResolver over a store of
every schema by its $id, so nothing is fetched from the network.
"""

import datetime
import json
import os
import re
import sys

import jsonschema
from jsonschema import validators

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", re.I)
UNSIGNED = re.compile(r"^[0-9]+$")


def load(path):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def checker():
    return jsonschema.FormatChecker()


def errors_of(validator, instance, where):
    for error in sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path)):
        path = "/".join(str(step) for step in error.absolute_path)
        yield "%s: /%s: %s" % (where, path, error.message[:300])


# ---- VERIS ----

def validate_veris(schemas, files):
    schema = load(os.path.join(schemas, "veris", "verisc-merged.json"))
    cls = validators.validator_for(schema)
    cls.check_schema(schema)
    validator = cls(schema, format_checker=checker())
    count = 0
    for path in files:
        data = load(path)
        documents = data if isinstance(data, list) else [data]
        for index, document in enumerate(documents):
            count += 1
            if document.get("schema_version") != "1.4.0":
                yield "%s[%d]: schema_version is %r, not 1.4.0" % (path, index, document.get("schema_version"))
            yield from errors_of(validator, document, "%s[%d]" % (path, index))
    if count == 0:
        yield "no VERIS document in %s" % " ".join(files)


# ---- STIX 2.1 ----

def stix_store(root):
    """Every schema of stix2.1/ by its $id, and the schema of each object type."""
    store = {}
    by_type = {}
    for folder in sorted(os.listdir(root)):
        path = os.path.join(root, folder)
        if not os.path.isdir(path):
            continue
        for name in sorted(os.listdir(path)):
            if name.endswith(".json"):
                schema = load(os.path.join(path, name))
                store[schema["$id"]] = schema
                if folder in ("sdos", "sros") or name in ("extension-definition.json", "marking-definition.json",
                                                         "language-content.json"):
                    by_type[name[:-5]] = schema
    # The shared copy carries no observables/ (SCOs): the bundle names them in a
    # oneOf, so each missing one is stored as a schema that nothing matches. An
    # observable in a bundle therefore fails, as it should for an export that
    # writes none, and nothing is fetched from the network.
    bundle = store[next(key for key in store if key.endswith("/common/bundle.json"))]
    base = bundle["$id"].rsplit("/common/", 1)[0]
    for ref in re.findall(r'"\.\./(observables/[a-z0-9-]+\.json)"', json.dumps(bundle)):
        store.setdefault(base + "/" + ref, {"$id": base + "/" + ref, "not": {}})
    # bundle.json's list of object schemas lags the 2.1 specification: it omits
    # location, incident, grouping, note, opinion and extension-definition (as
    # oasis-open/cti-stix2-json-schemas#133 reported for infrastructure), so
    # those fall to its custom-object branch, whose oneOf of core and
    # cyber-observable-core matches both and refuses every one of them. The
    # bundle is therefore checked against a copy of bundle.json whose list also
    # names each SDO schema of sdos/ and the extension definition; each object is
    # then checked against its own type's schema as well.
    bundle = json.loads(json.dumps(bundle))
    listed = bundle["properties"]["objects"]["items"]["anyOf"][0]["oneOf"]
    names = {item["$ref"] for item in listed}
    for name in sorted(by_type):
        folder = "sros" if name in ("relationship", "sighting") else "sdos"
        ref = "../%s/%s.json" % ("common" if name.endswith("-definition") or name == "language-content"
                                 else folder, name)
        if ref not in names and (base + ref[2:]) in store:
            listed.append({"$ref": ref})
    return store, by_type, bundle


def validate_stix(schemas, files):
    store, by_type, bundle_schema = stix_store(os.path.join(schemas, "stix2.1"))
    validator_cache = {}

    def validator(schema):
        key = schema["$id"]
        if key not in validator_cache:
            cls = validators.validator_for(schema)
            cls.check_schema(schema)
            resolver = jsonschema.RefResolver(base_uri=key, referrer=schema, store=store)
            validator_cache[key] = cls(schema, resolver=resolver, format_checker=checker())
        return validator_cache[key]

    for path in files:
        bundle = load(path)
        yield from errors_of(validator(bundle_schema), bundle, path)
        seen = set()
        objects = bundle.get("objects", []) if isinstance(bundle, dict) else []
        for index, stix in enumerate(objects):
            where = "%s: objects[%d] %s" % (path, index, stix.get("id"))
            if stix.get("id") in seen:
                yield "%s: the id appears twice in the bundle" % where
            seen.add(stix.get("id"))
            schema = by_type.get(stix.get("type"))
            if schema is None:
                yield "%s: no schema for type %r" % (where, stix.get("type"))
                continue
            yield from errors_of(validator(schema), stix, where)
        # Every reference names an object of the bundle.
        for index, stix in enumerate(objects):
            refs = [stix.get("source_ref"), stix.get("target_ref"), stix.get("created_by_ref")]
            refs += stix.get("object_refs", [])
            refs += [key for key in stix.get("extensions", {}) if key.startswith("extension-definition--")]
            for ref in refs:
                if ref and ref not in seen:
                    yield "%s: objects[%d] %s refers to %s, not in the bundle" % (path, index, stix.get("id"), ref)


# ---- MISP ----

def misp_schema_and_pairs(path):
    """The JSON Schema of misp-core-format.md and its category -> types table."""
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    schema = json.loads(text[text.index("# JSON Schema"):].split("~~~~")[1])
    start = text.index("The list of valid category-type combinations is as follows:")
    end = text.index("Attributes are based on", start)
    pairs = {}
    for category, types in re.findall(r"\n([A-Z][^\n:]*)\n:\s+([^\n]+)", text[start:end]):
        pairs[category.strip()] = {item.strip() for item in types.split(",")}
    if not pairs:
        raise ValueError("no category-type table in %s" % path)
    return schema, pairs


def misp_rules(event, pairs, where):
    """The MUST and SHALL of misp-core-format.md that a JSON Schema does not say."""
    def need(obj, keys, kind, what):
        for key in keys:
            if key not in obj:
                yield "%s: %s has no %s" % (where, what, key)
            elif kind is not None and not isinstance(obj[key], kind):
                yield "%s: %s.%s is not a %s" % (where, what, key, kind.__name__)

    def uuid(value, what):
        if not isinstance(value, str) or not UUID.match(value):
            yield "%s: %s %r is not an RFC 4122 UUID" % (where, what, value)

    def unsigned(value, what):
        if not isinstance(value, str) or not UNSIGNED.match(value):
            yield "%s: %s %r is not an unsigned integer string" % (where, what, value)

    def timestamp(value, what, allow_zero=False):
        if not isinstance(value, str) or not UNSIGNED.match(value):
            yield "%s: %s %r is not a decimal Unix timestamp string" % (where, what, value)
        elif not allow_zero and not 946684800 <= int(value) <= 4102444800:
            yield "%s: %s %r is not a time between 2000 and 2100" % (where, what, value)

    yield from need(event, ["uuid", "info", "date", "timestamp", "publish_timestamp", "org_id", "orgc_id",
                            "distribution", "id", "threat_level_id", "analysis", "attribute_count",
                            "sharing_group_id"], str, "Event")
    yield from need(event, ["published"], bool, "Event")
    yield from need(event, ["Orgc", "Org"], dict, "Event")
    yield from uuid(event.get("uuid"), "Event.uuid")
    for key in ("id", "org_id", "orgc_id", "attribute_count"):
        yield from unsigned(event.get(key), "Event." + key)
    yield from timestamp(event.get("timestamp"), "Event.timestamp")
    yield from timestamp(event.get("publish_timestamp"), "Event.publish_timestamp", allow_zero=True)
    if event.get("published") is False and event.get("publish_timestamp") not in (None, "0"):
        if "first_publication" not in event:
            yield "%s: an event never published must have publish_timestamp 0" % where
    try:
        datetime.date.fromisoformat(event.get("date", ""))
        if not re.match(r"^\d{4}-\d{2}-\d{2}$", event.get("date", "")):
            raise ValueError
    except (TypeError, ValueError):
        yield "%s: Event.date %r is not YYYY-MM-DD" % (where, event.get("date"))
    if event.get("threat_level_id") not in ("1", "2", "3", "4"):
        yield "%s: threat_level_id %r is not 1-4" % (where, event.get("threat_level_id"))
    if event.get("analysis") not in ("0", "1", "2"):
        yield "%s: analysis %r is not 0-2" % (where, event.get("analysis"))
    if event.get("distribution") not in ("0", "1", "2", "3", "4"):
        yield "%s: distribution %r is not 0-4" % (where, event.get("distribution"))
    if event.get("distribution") != "4" and event.get("sharing_group_id") != "0":
        yield "%s: sharing_group_id must be 0 outside distribution 4" % where
    if not event.get("info") or "\n" in event.get("info", ""):
        yield "%s: info is empty or holds a new line" % where
    for org in ("Org", "Orgc"):
        value = event.get(org, {})
        yield from need(value, ["uuid", "name", "id"], str, org)
        yield from uuid(value.get("uuid"), org + ".uuid")
        yield from unsigned(value.get("id"), org + ".id")
    if event.get("Orgc", {}).get("id") != event.get("orgc_id"):
        yield "%s: orgc_id does not name the Orgc" % where
    attributes = event.get("Attribute", [])
    if str(len(attributes)) != event.get("attribute_count"):
        yield "%s: attribute_count %r but %d attributes" % (where, event.get("attribute_count"), len(attributes))
    if not attributes:
        yield "%s: the event has no attribute (no category-type-value triplet)" % where
    uuids = {event.get("uuid")}
    for index, attribute in enumerate(attributes):
        what = "Attribute[%d]" % index
        yield from need(attribute, ["uuid", "id", "type", "category", "event_id", "distribution", "timestamp",
                                    "value", "sharing_group_id"], str, what)
        yield from need(attribute, ["to_ids", "deleted"], bool, what)
        yield from uuid(attribute.get("uuid"), what + ".uuid")
        if attribute.get("uuid") in uuids:
            yield "%s: %s.uuid repeats another uuid of the event" % (where, what)
        uuids.add(attribute.get("uuid"))
        yield from unsigned(attribute.get("id"), what + ".id")
        if attribute.get("event_id") != event.get("id"):
            yield "%s: %s.event_id is not the event's id" % (where, what)
        yield from timestamp(attribute.get("timestamp"), what + ".timestamp")
        if attribute.get("type") not in pairs.get(attribute.get("category"), ()):
            yield "%s: %s type %r is not valid for category %r" % (where, what, attribute.get("type"),
                                                                   attribute.get("category"))
        if attribute.get("distribution") not in ("0", "1", "2", "3", "4", "5"):
            yield "%s: %s.distribution %r is not 0-5" % (where, what, attribute.get("distribution"))
        if attribute.get("distribution") != "4" and attribute.get("sharing_group_id") != "0":
            yield "%s: %s.sharing_group_id must be 0 outside distribution 4" % (where, what)
        if not attribute.get("value"):
            yield "%s: %s has an empty value" % (where, what)
        for tag in attribute.get("Tag", []):
            yield from need(tag, ["name", "colour", "id"], str, what + ".Tag")
    for tag in event.get("Tag", []):
        yield from need(tag, ["name", "colour", "id"], str, "Tag")
        yield from need(tag, ["exportable"], bool, "Tag")
        if not re.match(r"^#[0-9a-fA-F]{6}$", tag.get("colour", "")):
            yield "%s: Tag colour %r is not #rrggbb" % (where, tag.get("colour"))
    for galaxy in event.get("Galaxy", []):
        yield from need(galaxy, ["uuid", "name", "type"], str, "Galaxy")
        yield from uuid(galaxy.get("uuid"), "Galaxy.uuid")
        for cluster in galaxy.get("GalaxyCluster", []):
            yield from need(cluster, ["uuid", "type", "value", "tag_name"], str, "GalaxyCluster")
            yield from uuid(cluster.get("uuid"), "GalaxyCluster.uuid")
            if cluster.get("type") != galaxy.get("type"):
                yield "%s: a GalaxyCluster's type is not its Galaxy's" % where
            if cluster.get("tag_name") != 'misp-galaxy:%s="%s"' % (cluster.get("type"), cluster.get("value")):
                yield "%s: GalaxyCluster tag_name %r does not name the cluster" % (where, cluster.get("tag_name"))


def validate_misp(schemas, files):
    schema, pairs = misp_schema_and_pairs(os.path.join(schemas, "misp", "misp-core-format.md"))
    cls = validators.validator_for(schema)
    cls.check_schema(schema)
    validator = cls(schema, format_checker=checker())
    count = 0
    for path in files:
        data = load(path)
        wrapped = data.get("response") if isinstance(data, dict) and "response" in data else [data]
        for index, document in enumerate(wrapped):
            count += 1
            where = "%s[%d]" % (path, index)
            yield from errors_of(validator, document, where)
            if isinstance(document, dict) and isinstance(document.get("Event"), dict):
                yield from misp_rules(document["Event"], pairs, where)
            else:
                yield "%s: not an {\"Event\": ...} document" % where
    if count == 0:
        yield "no MISP event in %s" % " ".join(files)


def main(argv):
    if len(argv) < 4 or argv[2] not in ("veris", "stix", "misp"):
        print(__doc__, file=sys.stderr)
        return 2
    schemas, kind, files = argv[1], argv[2], argv[3:]
    check = {"veris": validate_veris, "stix": validate_stix, "misp": validate_misp}[kind]
    errors = 0
    for message in check(schemas, files):
        errors += 1
        if errors <= 200:
            print(message)
    print("%s: %d file(s), %d error(s) (jsonschema %s)" % (kind, len(files), errors, jsonschema_version()))
    return 1 if errors else 0


def jsonschema_version():
    try:
        from importlib.metadata import version
        return version("jsonschema")
    except Exception:  # noqa: BLE001 - only for the summary line
        return "?"


if __name__ == "__main__":
    sys.exit(main(sys.argv))
