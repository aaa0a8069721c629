/**
 * One path from an untrusted (channel, request) pair to a service: the channel must be in the contract and
 * the request must pass its schema. Used by ipc-main.ts and by the web-mode bridge.
 */
import {
  isIpcChannel,
  parseRequest,
  type IpcChannel,
  type IpcHandlers,
  type IpcRequest,
  type IpcResponse,
} from '../../shared/ipc/contract.js';

/** Thrown for a channel the contract does not have. */
export class UnknownChannelError extends Error {
  constructor(channel: string) {
    super(`Unknown channel: ${channel}`);
    this.name = 'UnknownChannelError';
  }
}

/** Thrown when a request fails its channel's schema. */
export class InvalidRequestError extends Error {
  override readonly name = 'InvalidRequestError';
}

/** Validates `request` for `channel` and calls its handler. */
export async function dispatch(handlers: IpcHandlers, channel: string, request: unknown): Promise<unknown> {
  if (!isIpcChannel(channel)) throw new UnknownChannelError(channel);
  return call(handlers, channel, request);
}

async function call<K extends IpcChannel>(
  handlers: IpcHandlers,
  channel: K,
  request: unknown,
): Promise<IpcResponse<K>> {
  let parsed: IpcRequest<K>;
  try {
    parsed = parseRequest(channel, request);
  } catch (error) {
    throw new InvalidRequestError(error instanceof Error ? error.message : String(error));
  }
  const handler = handlers[channel] as (request: IpcRequest<K>) => Promise<IpcResponse<K>>;
  return handler(parsed);
}
