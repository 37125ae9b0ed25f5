/** Keeping a page and its server in step: the protocol check on join, a client that could not load part of itself. */
export default {
  "serving.reload": "Reload the page",
  "serving.protocolMismatch":
    "This page is from another version of Concord than the server (protocol {client} here, {server} on the server), probably because the server was updated. Reload the page to get the current version.",
  "serving.protocolMismatchBrief":
    "This page is from another version of Concord than the server, probably because the server was updated. Reload the page to get the current version.",
  "serving.mapFailed": "The map could not be loaded, perhaps because the server was updated or the network dropped. Reload the page to try again.",
} as const;
