// Defensive parsing of WebSocket frames (interpreting validator: no code generation, CSP-safe).
import { Value } from 'typebox/value';
import {
  ClientMessageSchema,
  ServerMessageSchema,
  type ClientMessage,
  type ServerMessage,
} from './messages.ts';

/** Largest WebSocket frame either side accepts. */
export const MAX_WS_MESSAGE_BYTES = 256 * 1024;

function parseJson(text: string): unknown {
  if (text.length > MAX_WS_MESSAGE_BYTES) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A server → node message, or null when the frame is not one. */
export function parseServerMessage(text: string): ServerMessage | null {
  const value = parseJson(text);
  return Value.Check(ServerMessageSchema, value) ? value : null;
}

/** A node → server message, or null when the frame is not one. */
export function parseClientMessage(text: string): ClientMessage | null {
  const value = parseJson(text);
  return Value.Check(ClientMessageSchema, value) ? value : null;
}
