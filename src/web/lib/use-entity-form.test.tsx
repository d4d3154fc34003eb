import { useRouter } from '@tanstack/react-router';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import { answerConfirm, renderOnPage } from '../../../test/web/render.tsx';
import { ApiError } from './api.ts';
import { useEntityForm, type SendValues } from './use-entity-form.ts';

interface Sent {
  values: { title: string };
  version: number | undefined;
}

/**
 * A form of one field that starts from version 3 of "Brand" and sends through `send`; with
 * `leaveAfterSave` a successful save goes on to another page, as most forms do.
 */
function formPage(send: SendValues<{ title: string }>, leaveAfterSave = false) {
  return function TitlePage() {
    const form = useEntityForm({ title: 'Brand' }, 3);
    const router = useRouter();
    const save: SendValues<{ title: string }> = async (values, version) => {
      await send(values, version);
      if (leaveAfterSave) await router.navigate({ to: '/organisation' });
    };
    return (
      <>
        <label>
          Title
          <input value={form.values.title} onChange={(event) => form.set('title', event.target.value)} />
        </label>
        <p role="status">{form.dirty ? 'Unsaved' : 'Nothing unsaved'}</p>
        {form.conflict && <p role="alert">Saved meanwhile: {String(form.conflict.title)}</p>}
        {form.submit.error && <p role="alert">{form.submit.error.message}</p>}
        <button type="button" onClick={() => void form.save(save)}>
          Save
        </button>
        <button type="button" onClick={() => void form.keepMine(save)}>
          Keep mine
        </button>
        <button type="button" onClick={() => form.takeTheirs((current) => ({ title: String(current.title) }))}>
          Take theirs
        </button>
        <button type="button" onClick={() => void router.navigate({ to: '/organisation' })}>
          Leave
        </button>
      </>
    );
  };
}

/** What the form sent, and a server that answers each save with the next of `answers` (then success). */
function server(answers: (Error | null)[] = []) {
  const sent: Sent[] = [];
  const send: SendValues<{ title: string }> = (values, version) => {
    sent.push({ values, version });
    const answer = answers.shift();
    return answer ? Promise.reject(answer) : Promise.resolve();
  };
  return { sent, send };
}

const stale = new ApiError({
  type: 'about:blank',
  title: 'Konflikt',
  status: 409,
  current: { id: 'r1', version: 5, title: 'Brand i kök' },
});

describe('useEntityForm: a form that changes one entity', () => {
  test('unsaved while the values differ from where the form started', async () => {
    const user = userEvent.setup();
    await renderOnPage(formPage(server().send));
    expect(screen.getByRole('status').textContent).toBe('Nothing unsaved');
    await user.type(screen.getByRole('textbox', { name: 'Title' }), '!');
    expect(screen.getByRole('status').textContent).toBe('Unsaved');
    await user.type(screen.getByRole('textbox', { name: 'Title' }), '{Backspace}');
    expect(screen.getByRole('status').textContent).toBe('Nothing unsaved');
  });

  test('a save sends the values from the version the form started from', async () => {
    const user = userEvent.setup();
    const { sent, send } = server();
    await renderOnPage(formPage(send));
    await user.clear(screen.getByRole('textbox', { name: 'Title' }));
    await user.type(screen.getByRole('textbox', { name: 'Title' }), 'Översvämning');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(sent).toEqual([{ values: { title: 'Översvämning' }, version: 3 }]);
  });

  test('a stale save keeps the user’s text and shows theirs; “keep mine” saves over the newer version', async () => {
    const user = userEvent.setup();
    const { sent, send } = server([stale]);
    await renderOnPage(formPage(send));
    await user.type(screen.getByRole('textbox', { name: 'Title' }), ' i förråd');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Saved meanwhile: Brand i kök');
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveProperty('value', 'Brand i förråd');
    await user.click(screen.getByRole('button', { name: 'Keep mine' }));
    expect(sent.at(-1)).toEqual({ values: { title: 'Brand i förråd' }, version: 5 });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test('“take theirs” puts the newer version into the form, with nothing unsaved', async () => {
    const user = userEvent.setup();
    const { sent, send } = server([stale]);
    await renderOnPage(formPage(send));
    await user.type(screen.getByRole('textbox', { name: 'Title' }), ' i förråd');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await user.click(await screen.findByRole('button', { name: 'Take theirs' }));
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveProperty('value', 'Brand i kök');
    expect(screen.getByRole('status').textContent).toBe('Nothing unsaved');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(sent.at(-1)?.version).toBe(5);
  });

  test('any other refusal is the save’s error, not a conflict', async () => {
    const user = userEvent.setup();
    const refusal = new ApiError({ type: 'about:blank', title: 'Ogiltiga uppgifter', status: 400, detail: 'Rätta.' });
    await renderOnPage(formPage(server([refusal]).send));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Rätta.');
  });
});

describe('useUnsavedGuard: leaving a form with unsaved changes asks first', () => {
  test('nothing unsaved: the page is left without a question', async () => {
    const asked = answerConfirm(false);
    const user = userEvent.setup();
    await renderOnPage(formPage(server().send));
    await user.click(screen.getByRole('button', { name: 'Leave' }));
    expect(await screen.findByRole('heading', { name: 'Elsewhere' })).toBeTruthy();
    expect(asked).toEqual([]);
  });

  test('unsaved: the user is asked, and staying keeps the form and its text', async () => {
    const asked = answerConfirm(false);
    const user = userEvent.setup();
    await renderOnPage(formPage(server().send));
    await user.type(screen.getByRole('textbox', { name: 'Title' }), '!');
    await user.click(screen.getByRole('button', { name: 'Leave' }));
    await waitFor(() => expect(asked).toHaveLength(1));
    expect(asked[0]).not.toBe('');
    expect(screen.queryByRole('heading', { name: 'Elsewhere' })).toBeNull();
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveProperty('value', 'Brand!');
  });

  test('unsaved, and the user agrees to leave: the page is left', async () => {
    answerConfirm(true);
    const user = userEvent.setup();
    await renderOnPage(formPage(server().send));
    await user.type(screen.getByRole('textbox', { name: 'Title' }), '!');
    await user.click(screen.getByRole('button', { name: 'Leave' }));
    expect(await screen.findByRole('heading', { name: 'Elsewhere' })).toBeTruthy();
  });

  test('a save that goes on to another page is not asked about', async () => {
    const asked = answerConfirm(false);
    const user = userEvent.setup();
    await renderOnPage(formPage(server().send, true));
    await user.type(screen.getByRole('textbox', { name: 'Title' }), '!');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('heading', { name: 'Elsewhere' })).toBeTruthy();
    expect(asked).toEqual([]);
  });
});
