/** A bad image or an impossible placement; the message always names the file. */
export class ImageError extends Error {}
