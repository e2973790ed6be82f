import { api } from '../../../shared/api/client.ts';
import type { Items, Page } from '../../../shared/api/types.ts';
import type { AccountSummary } from '../../identity/index.ts';
import type { NewPost, Post, Profile, Suggestion, Thread } from './social.types.ts';

const enc = encodeURIComponent;

export type AccountListKind = 'followers' | 'following';
export type ProfilePostsKind = 'posts' | 'mentions';

export const socialApi = {
  profile: (handle: string) => api<Profile>(`/accounts/${enc(handle)}`),
  profilePosts: (handle: string, kind: ProfilePostsKind, cursor?: string) =>
    api<Page<Post>>(`/accounts/${enc(handle)}/${kind}`, { query: { cursor } }),
  accountList: (handle: string, kind: AccountListKind, cursor?: string) =>
    api<Page<AccountSummary>>(`/accounts/${enc(handle)}/${kind}`, { query: { cursor } }),
  follow: (handle: string) => api<Profile>(`/accounts/${enc(handle)}/follow`, { method: 'POST' }),
  unfollow: (handle: string) => api<Profile>(`/accounts/${enc(handle)}/follow`, { method: 'DELETE' }),

  createPost: (input: NewPost) => api<Post>('/posts', { method: 'POST', body: input }),
  post: (id: string) => api<Post>(`/posts/${enc(id)}`),
  thread: (id: string) => api<Thread>(`/posts/${enc(id)}/thread`),
  deletePost: (id: string) => api<void>(`/posts/${enc(id)}`, { method: 'DELETE' }),
  reshare: (id: string, as?: string) =>
    api<Post>(`/posts/${enc(id)}/reshare`, { method: 'POST', body: as ? { as } : {} }),
  like: (id: string) => api<Post>(`/posts/${enc(id)}/like`, { method: 'POST' }),
  unlike: (id: string) => api<Post>(`/posts/${enc(id)}/like`, { method: 'DELETE' }),

  home: (cursor?: string) => api<Page<Post>>('/timelines/home', { query: { cursor } }),
  tag: (tag: string, cursor?: string) => api<Page<Post>>(`/tags/${enc(tag)}/posts`, { query: { cursor } }),
  searchPosts: (q: string, cursor?: string) => api<Page<Post>>('/search/posts', { query: { q, cursor } }),
  searchAccounts: (q: string) => api<Items<AccountSummary>>('/search/accounts', { query: { q } }),
  /** Handle-prefix matches for @-autocomplete, accounts you follow first (at most 8). */
  mentionCandidates: (prefix: string) =>
    api<Items<AccountSummary>>('/search/accounts', { query: { q: prefix, mode: 'prefix', limit: 8 } }),
  suggestions: (limit: number) => api<Items<Suggestion>>('/me/suggestions', { query: { limit } }),
};
