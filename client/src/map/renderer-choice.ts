import * as Phaser from "phaser";

/** Renderer strings of WebGL drawn by the CPU: Chrome's SwiftShader, Mesa's llvmpipe/softpipe, Windows' WARP. */
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render/i;

/**
 * WebGL, unless the browser only offers WebGL emulated on the CPU (no GPU, a blocklisted driver,
 * a virtual desktop, headless browsers): then Phaser's Canvas renderer. Emulated WebGL runs
 * every fragment through the multi-texture shader with 4× multisampling and cost 65–130 ms a
 * frame for this map, where Canvas 2D draws the same picture within one 60 Hz frame.
 */
export function rendererType(): number {
  return webglIsEmulated() ? Phaser.CANVAS : Phaser.AUTO;
}

function webglIsEmulated(): boolean {
  const gl = document.createElement("canvas").getContext("webgl", { failIfMajorPerformanceCaveat: true });
  if (!gl) return true;
  try {
    const info = gl.getExtension("WEBGL_debug_renderer_info");
    const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? "");
    return SOFTWARE_RENDERER.test(renderer);
  } finally {
    gl.getExtension("WEBGL_lose_context")?.loseContext();
  }
}
