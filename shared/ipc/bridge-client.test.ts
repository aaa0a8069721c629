import { describe, expect, it } from 'vitest';
import { createBridgeClient, type FetchLike } from './bridge-client.js';

function recordingFetch(status: number, body: string) {
  const calls: { url: string; init: Parameters<FetchLike>[1] }[] = [];
  const fetchFn: FetchLike = async (url, init) => {
    calls.push({ url, init });
    return {
      ok: status >= 200 && status < 300,
      status,
      statusText: status === 500 ? 'Internal Server Error' : '',
      text: async () => body,
    };
  };
  return { fetchFn, calls };
}

describe('createBridgeClient', () => {
  it('posts the request as JSON with the token to /api/<channel> and returns the response', async () => {
    const { fetchFn, calls } = recordingFetch(200, '{"text":"select 1"}');
    const api = createBridgeClient('http://127.0.0.1:4000/', 'tok', fetchFn);
    const request = { repository: 'sample:x', commit: 'abcdef1', path: 'models/a.sql' };
    await expect(api.invoke('git:show', request)).resolves.toEqual({ text: 'select 1' });
    expect(calls[0]?.url).toBe('http://127.0.0.1:4000/api/git%3Ashow');
    expect(calls[0]?.init.method).toBe('POST');
    expect(calls[0]?.init.headers.Authorization).toBe('Bearer tok');
    expect(JSON.parse(calls[0]?.init.body ?? '')).toEqual(request);
  });

  it("throws the server's message on an error status", async () => {
    const { fetchFn } = recordingFetch(400, '{"error":"Invalid request for git:show at commit: a commit SHA (hex)"}');
    const api = createBridgeClient('http://127.0.0.1:4000', 'tok', fetchFn);
    await expect(api.invoke('app:info', {})).rejects.toThrow('Invalid request for git:show at commit');
  });

  it('names the HTTP status when the error body is not JSON', async () => {
    const { fetchFn } = recordingFetch(500, 'boom');
    await expect(createBridgeClient('http://h', 't', fetchFn).invoke('app:info', {})).rejects.toThrow(
      'HTTP 500 Internal Server Error',
    );
  });
});
