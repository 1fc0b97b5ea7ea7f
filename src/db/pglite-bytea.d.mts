export declare function parseBytea(text: string): Uint8Array;
export declare function serializeBytea(value: unknown): string;
export declare const byteaTypes: { parsers: { 17: typeof parseBytea }; serializers: { 17: typeof serializeBytea } };
export declare function byteaBuffers(results: unknown): ArrayBuffer[];
